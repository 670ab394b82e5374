import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type HandlerChooser, readXml, type XmlHandler } from "./reader.js";
import { scanXml, validChars } from "./scan.js";

/** Records every event as a string, attributes in order. */
function recorder(): { choose: HandlerChooser; events: string[] } {
  const events: string[] = [];
  const handler: XmlHandler = {
    open: (name, attrs) => events.push(`<${name} ${JSON.stringify(Object.entries(attrs))}`),
    text: (t) => events.push(`"${t}`),
    close: (name) => events.push(`/${name}`),
  };
  return { choose: () => handler, events };
}

/** The events of the fast scanner, or null when it gives up. */
function fast(xml: string, maxDepth = 512): string[] | null {
  const r = recorder();
  return scanXml(xml, r.choose, maxDepth) === null ? null : r.events;
}

/** The events and result of saxes alone. */
function saxes(xml: string, maxDepth = 512): { events: string[]; complete: boolean; diagnostics: number } {
  const r = recorder();
  const read = readXml("x.xml", xml, r.choose, maxDepth, false);
  return { events: r.events, complete: read.complete, diagnostics: read.diagnostics.length };
}

/** The fast scanner either gives up or gives exactly the events of a clean saxes read. */
function agrees(xml: string, maxDepth = 512): boolean {
  const f = fast(xml, maxDepth);
  if (f === null) return true;
  const s = saxes(xml, maxDepth);
  assert.equal(s.complete, true, `the scanner read what saxes refuses: ${JSON.stringify(xml)}`);
  assert.equal(s.diagnostics, 0, `the scanner read what saxes warns about: ${JSON.stringify(xml)}`);
  assert.deepEqual(f, s.events, JSON.stringify(xml));
  return true;
}

const SEED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS v1.1//EN" "JATS-archivearticle1.dtd">
<!-- a comment -->
<article article-type="research-article" xmlns:xlink="http://www.w3.org/1999/xlink">
  <body><sec id='s1'><title>Intro</title>
    <p>Cells &amp; tissues &lt;divide&gt; &#x3B1;&#946; <xref ref-type="bibr" rid="b1 b2">[1,2]</xref>.</p>
    <p a = "x&quot;y" b='1
2'>A<![CDATA[ <raw> & ]]>B<?pi data?>C<!-- c --><br/><mml:mi>x</mml:mi></p>
  </sec></body>
</article>
`;

test("the scanner gives saxes' events on a clean document, entities, CDATA and comments included", () => {
  const f = fast(SEED);
  assert.notEqual(f, null);
  assert.deepEqual(f, saxes(SEED).events);
  assert.ok(f?.includes('"Cells & tissues <divide> αβ '));
});

test("line ends are normalized as saxes does: CRLF and CR become LF, in attributes a space", () => {
  const xml = '<article a="1\r\n2\r3">x\r\ny\rz</article>\r\n';
  assert.deepEqual(fast(xml), saxes(xml).events);
});

test("the scanner gives up on what it must leave to saxes", () => {
  const cases = [
    "<article>&nbsp;</article>", // unknown entity: saxes warns
    '<!DOCTYPE article [<!ENTITY x "y">]><article/>', // internal subset
    '<!DOCTYPE article SYSTEM "<!ENTITY">\n<article/>', // `<` in an identifier
    "<article><p></article>", // mismatched
    "<article><p>", // unclosed
    "<article>a ]]> b</article>", // ]]> in text
    "<article>a < b</article>",
    '<article a="1" a="2"/>', // duplicate attribute
    '<article a="1"b="2"/>', // no whitespace between attributes
    "<article a=1/>",
    '<article a="<"/>',
    "<article>&#0;</article>",
    "<article>&#xD800;</article>",
    "<article>\u0001</article>",
    "<article>\uD800x</article>",
    "<article/><article/>",
    "<article/>text",
    "text<article/>",
    '<?xml version="1.1"?><article/>',
    " <?xml version='1.0'?><article/>",
    "<article><?xml x?></article>",
    "<article><!-- a -- b --></article>",
    "<article><é/></article>",
    "<article>&amp</article>",
    "<article>&#X41;</article>",
  ];
  for (const xml of cases) assert.equal(fast(xml), null, xml);
});

test("nesting past the limit is left to saxes, which names it", () => {
  const xml = `${"<a>".repeat(10)}${"</a>".repeat(10)}`;
  assert.equal(fast(xml, 9), null);
  assert.notEqual(fast(xml, 10), null);
});

test("a root no handler takes is left to saxes", () => {
  assert.equal(
    scanXml("<html/>", () => null, 512),
    null,
  );
});

test("validChars accepts surrogate pairs and refuses lone surrogates and control characters", () => {
  assert.equal(validChars("a\uD835\uDC00b\t\n"), true);
  assert.equal(validChars("a\uDC00"), false);
  assert.equal(validChars("a\uD835"), false);
  assert.equal(validChars("\uFFFE"), false);
  assert.equal(validChars("\u000B"), false);
});

const PIECES = [
  "<",
  ">",
  "/",
  "&",
  ";",
  "=",
  '"',
  "'",
  "!",
  "?",
  "-",
  "[",
  "]",
  " ",
  "\n",
  "\r",
  "\t",
  "a",
  "p",
  "x",
  "#",
  "amp",
  "lt",
  "&amp;",
  "&#65;",
  "&#x1F600;",
  "<p>",
  "</p>",
  "<p/>",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "<?",
  "?>",
  "é",
  "\u0000",
  "\uD800",
  "\uDC00",
  "\uFFFF",
  ":",
];

test("property: on mutated documents the scanner gives up or agrees with saxes exactly", () => {
  const mutation = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }));
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
      let xml = SEED;
      for (const [at, drop, insert] of edits) {
        const i = at % (xml.length + 1);
        xml = xml.slice(0, i) + insert.join("") + xml.slice(i + drop);
      }
      return agrees(xml);
    }),
    { numRuns: 3000 },
  );
});

test("property: on random small documents the scanner gives up or agrees with saxes exactly", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => agrees(`<r>${parts.join("")}</r>`)),
    { numRuns: 3000 },
  );
});
