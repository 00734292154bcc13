#!/usr/bin/env bash
# Makes src/main/resources/fonts/WenQuanYiMicroHei-GBK.ttf: the map renderer's and the PDF's Chinese font.
#
# WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0, TrueType outlines that Java and PDFBox read), cut to every
# character GBK encodes (all of GB2312 and the CJK Unified Ideographs GBK has, 21,886 of them) plus Latin,
# Greek and the units and punctuation plan texts use. Needs Debian's fonts-wqy-microhei and python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/../.."
source_font=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys
chars = set()
for b1 in range(0x81, 0xff):
    for b2 in range(0x40, 0xff):
        try:
            chars.add(bytes([b1, b2]).decode('gbk'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7f))
chars.update(chr(c) for c in range(0xa0, 0x250))
chars.update("°²³×÷→←↑↓·•–—‘’“”…‰℃№€¥©®™√∞≈≠≤≥①②③④⑤⑥⑦⑧⑨⑩　、。〈〉《》「」『』【】〔〕")
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
/usr/bin/python3 -m fontTools.subset "$source_font" --font-number=0 --text-file="$chars" \
  --output-file=src/main/resources/fonts/WenQuanYiMicroHei-GBK.ttf --layout-features='*' --no-hinting
rm -f "$chars"
