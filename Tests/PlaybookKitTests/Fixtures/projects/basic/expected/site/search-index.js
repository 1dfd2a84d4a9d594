window.playbookSearchIndex = [
{"u":"guide/01-start.html","b":"The Guide","c":"Start here: the basics","h":"Start here: the basics","t":"Plain emphasis, strong, code, “quotes” – and dashes… A hard break, and an entity: © 2026."},
{"u":"guide/01-start.html#setup","b":"The Guide","c":"Start here: the basics","h":"Setting up","t":"First step Second step nested item"},
{"u":"guide/01-start.html#setting-up","b":"The Guide","c":"Start here: the basics","h":"Setting up","t":"The same heading again gets a numbered anchor. See the setup, the second heading, the next chapter and the appendix. Metric · Baseline · Target; Cost per call · $6.50 · $5.90; Handle time · 6.5 min · 6.0 min; Escaped | pipe · a|b. A quote with a list: one two A tiny chart"},
{"u":"guide/02-links.html#tables-and-html","b":"The Guide","c":"Links, tables and HTML","h":"Tables and HTML","t":"Inline HTML bold and an image in HTML: . Markdown inside an HTML block."},
{"u":"guide/02-links.html#links","b":"The Guide","c":"Links, tables and HTML","h":"Links","t":"Back to the start The appendix book A file External Mail A draft is left out: there is a 03-draft.md that this build does not publish."},
{"u":"appendix/01-notes.html#notes","b":"Appendix","c":"Notes","h":"Notes","t":"See the guide’s tables and the guide."},
{"u":"appendix/01-notes.html#h-2024-results","b":"Appendix","c":"Notes","h":"2024 results","t":"A heading that starts with a digit gets an anchor that starts with a letter."}
];
