/**
 * The side panel's tabs, following the WAI-ARIA tabs pattern: one tab stop, arrow keys (and
 * Home/End) move between tabs and open them.
 */

export function createTabs(tablist, { initial, onChange }) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];

  function select(tab, { focus = false } = {}) {
    tabs.forEach((other) => {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    });
    if (focus) {
      tab.focus();
    }
    onChange?.(tab.dataset.tab);
  }

  function byName(name) {
    return tabs.find((tab) => tab.dataset.tab === name);
  }

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) {
      select(tab);
    }
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    const next = {
      ArrowRight: tabs[(index + 1) % tabs.length],
      ArrowLeft: tabs[(index - 1 + tabs.length) % tabs.length],
      Home: tabs[0],
      End: tabs[tabs.length - 1],
    }[event.key];
    if (index >= 0 && next) {
      event.preventDefault();
      select(next, { focus: true });
    }
  });

  select(byName(initial) ?? tabs[0]);
  return {
    open(name) {
      const tab = byName(name);
      if (tab) {
        select(tab);
      }
    },
  };
}
