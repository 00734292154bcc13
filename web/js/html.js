/**
 * HTML built from data. Every value interpolated into an html`` template is escaped, so names,
 * attributes and server messages can never become markup; a fragment that is already safe (the
 * result of another html`` template) is passed through as it is.
 */

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

class SafeHtml {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

function escape(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value) {
  if (value instanceof SafeHtml) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  return escape(value);
}

/** Tagged template: html`<li>${name}</li>` escapes name; arrays of fragments are joined. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/**
 * Replaces an element's content with a fragment made by html``. A city's colour is written as
 * data-city-colour and set here as the --city-colour property, and any data-var-NAME="value" as the
 * --NAME property (a bar's width, a legend's colour): the page's Content-Security-Policy refuses
 * style attributes in markup, but not styles set from a script.
 */
export function setHtml(element, fragment) {
  element.innerHTML = render(fragment);
  element.querySelectorAll('[data-city-colour]').forEach((coloured) => {
    coloured.style.setProperty('--city-colour', coloured.dataset.cityColour);
  });
  element.querySelectorAll('*').forEach((styled) => {
    for (const attribute of styled.attributes) {
      if (attribute.name.startsWith('data-var-')) {
        styled.style.setProperty(`--${attribute.name.slice('data-var-'.length)}`, attribute.value);
      }
    }
  });
}
