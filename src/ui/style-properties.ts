// Per-element style values (an origin's colour, a tooltip's position) set through the CSSOM.
// lit's own styleMap writes its first render as a `style` attribute, which the page's Content
// Security Policy refuses (style-src has no 'unsafe-inline': src/build/content-security-policy.ts);
// style.setProperty is not an inline style in the policy's sense, and is allowed.
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type Properties = Readonly<Record<string, string>>;

class StyleProperties extends Directive {
  private set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProperties() goes on an element: <span ${styleProperties({...})}>');
  }

  render(_properties: Properties) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Properties]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.set) if (!(name in properties)) style.removeProperty(name);
    this.set = new Set(Object.keys(properties));
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

/** Style properties by their CSS names (`background`, `--dot`) on the element it is written in. */
export const styleProperties = directive(StyleProperties);
