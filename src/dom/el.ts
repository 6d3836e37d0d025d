/**
 * Builds DOM elements from plain values. Strings only ever become text nodes or attribute values, so
 * incident text can pass through here safely; there is deliberately no way to set HTML.
 */

export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  /** Attributes set with setAttribute (values are text, never markup). */
  attrs?: Record<string, string>;
}

/** `el('p', { className: 'x' }, 'text', otherNode)` → `<p class="x">text…</p>`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) node.setAttribute(name, value);
  append(node, children);
  return node;
}

/** Appends children; strings become text nodes, falsy children are skipped. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
