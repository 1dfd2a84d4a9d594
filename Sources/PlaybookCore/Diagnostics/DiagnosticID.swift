/// Every kind of problem Playbook reports, by its stable name.
///
/// This is the one catalogue of diagnostic ids: a new kind of problem gets a case here, with a
/// line saying when it is raised. The raw value is the kebab-case name printed in brackets after
/// the message (`… [no-scenario]`); it is stable across releases so that users and tests can
/// refer to a kind of problem by name. The compiler keeps raw values unique, and
/// `DiagnosticIDTests` checks that every case is raised somewhere and nothing else is.
public enum DiagnosticID: String, Sendable, Hashable, CaseIterable {
    /// Raised when a cross-reference (`@tbl-…`, `@fig-…`) names a label no table or figure of the book has.
    case referenceUnknown = "reference-unknown"
    /// Raised when a label's prefix does not match what it labels (a `tbl-` label on a figure, an image label without `fig-`), or a block that cannot be numbered has a `label:`.
    case labelKind = "label-kind"
    /// Raised when two tables or figures of one book have the same label (`{#tbl-…}`, `label:`).
    case labelDuplicate = "label-duplicate"
    /// Raised (a warning) when a footnote definition is never referenced in its chapter.
    case footnoteUnused = "footnote-unused"
    /// Raised when a footnote reference (`[^label]`) has no definition in its chapter.
    case footnoteUndefined = "footnote-undefined"
    /// Raised when a chapter defines the same footnote label twice.
    case footnoteDuplicate = "footnote-duplicate"
    /// Raised when a block quote starts with a callout marker Playbook does not know (`> [!DANGER]`).
    case calloutUnknown = "callout-unknown"
    /// Raised when a link names a heading anchor (`#…`) that the target chapter does not have.
    case brokenAnchor = "broken-anchor"
    /// Raised when an image points at a file that is not inside the book's folder, or that does not exist.
    case brokenImage = "broken-image"
    /// Raised when a link points at a missing chapter or file, at a draft, at the site's root, or outside the series.
    case brokenLink = "broken-link"
    /// Raised when a chapter's `{{ check … }}` does not hold for its scenario.
    case checkFailed = "check-failed"
    /// Raised when a condition (`::: if …`, `{{ if … }}`, `{{ check … }}`) is malformed, or
    /// its markers do not pair up (an unclosed `::: if`, a stray `:::` or `{{ end }}`).
    case conditionSyntax = "condition-syntax"
    /// Raised when a file holds a control character, or a character reference to one, that XHTML forbids.
    case controlCharacter = "control-character"
    /// Raised when a cell of an attribution data CSV is empty or not a value of its column.
    case csvCell = "csv-cell"
    /// Raised when an attribution data CSV has an unknown column or lacks a required one.
    case csvColumn = "csv-column"
    /// Raised when an attribution data CSV has no header row.
    case csvEmpty = "csv-empty"
    /// Raised when a row of an attribution data CSV has another number of cells than its header.
    case csvRow = "csv-row"
    /// Raised when an attribution data CSV is not valid CSV (an unclosed quote, text after a closing quote).
    case csvSyntax = "csv-syntax"
    /// Raised when a scenario's metrics depend on each other in a loop.
    case cycle = "cycle"
    /// Raised when a scenario's formula divides by zero in one of its cases.
    case divisionByZero = "division-by-zero"
    /// Raised when two headings or elements of one chapter use the same id.
    case duplicateAnchor = "duplicate-anchor"
    /// Raised when `playbook.yaml` lists a book twice.
    case duplicateBook = "duplicate-book"
    /// Raised when a YAML mapping has the same key twice.
    case duplicateKey = "duplicate-key"
    /// Raised when a scenario defines a line, risk or name twice.
    case duplicateName = "duplicate-name"
    /// Raised when two chapters of a book have the same `order`.
    case duplicateOrder = "duplicate-order"
    /// Raised when a report is listed twice, or two scenarios given to `playbook report` share a name.
    case duplicateReport = "duplicate-report"
    /// Raised when a book has no chapters.
    case emptyBook = "empty-book"
    /// Raised when a report template has no chapters.
    case emptyReportTemplate = "empty-report-template"
    /// Raised when a YAML key that needs a value has none.
    case emptyValue = "empty-value"
    /// Raised when an EPUB (of a book or a report) could not be packaged.
    case epubFailed = "epub-failed"
    /// Raised when a file is larger than the most Playbook reads from one file.
    case fileTooLarge = "file-too-large"
    /// Raised when a scenario's formula cannot be parsed.
    case formulaSyntax = "formula-syntax"
    /// Raised when raw HTML has a character reference that is unknown, lacks its semicolon, or names no allowed character.
    case htmlEntity = "html-entity"
    /// Raised when an image or cover is in a format not every EPUB reader shows.
    case imageFormat = "image-format"
    /// Raised by `playbook import` when an mdBook `{{#include}}`, `{{#rustdoc_include}}` or
    /// `{{#playground}}` names a file, an anchor or a line range it cannot find, or nests too deep.
    case importInclude = "import-include"
    /// Raised by `playbook import` when a link or image cannot be carried over: it leaves the book
    /// (and no `--site-root` was given), names a missing file, or a page that is not a chapter.
    case importLink = "import-link"
    /// Raised by `playbook import` when its source cannot be read: no `src/SUMMARY.md` or `book.toml`,
    /// no Markdown files, a file that is not UTF-8 text, or a document Pandoc gives nothing for.
    case importSource = "import-source"
    /// Raised by `playbook import` when a line of `SUMMARY.md` (or a contents file) is not carried
    /// over: an unknown line, a chapter file that does not exist, a part title, a draft chapter.
    case importSummary = "import-summary"
    /// Raised by `playbook import` for syntax Playbook does not read and the import cannot carry
    /// over as written: mdBook's `{{#title}}` and `{{#playground}}`, hidden `# ` lines of Rust
    /// examples, unknown `{{#…}}` directives, tables Pandoc writes as HTML.
    case importSyntax = "import-syntax"
    /// Raised by `playbook import mdbook` when `book.toml` is not TOML it can read, or a known
    /// setting has the wrong type.
    case importToml = "import-toml"
    /// Raised when a heading's explicit id cannot be used as an anchor.
    case invalidAnchor = "invalid-anchor"
    /// Raised when a book's name cannot be used as a folder name.
    case invalidBookName = "invalid-book-name"
    /// Raised when a chapter's file name cannot be used as a page name.
    case invalidChapterName = "invalid-chapter-name"
    /// Raised when a scenario's line or input name cannot be used in formulas.
    case invalidName = "invalid-name"
    /// Raised when a scenario input's range or standard deviation is out of order or below zero.
    case invalidRange = "invalid-range"
    /// Raised when a report listed in `playbook.yaml` is not a scenario name.
    case invalidReportName = "invalid-report-name"
    /// Raised when a YAML value has the right type but is not one of the values allowed there.
    case invalidValue = "invalid-value"
    /// Raised when a link leaves the book, so the EPUB needs `base_url` in `playbook.yaml` to point at the site.
    case linkNeedsBaseUrl = "link-needs-base-url"
    /// Raised when an image has no text alternative.
    case missingAltText = "missing-alt-text"
    /// Raised when a book listed in `playbook.yaml` has no folder.
    case missingBook = "missing-book"
    /// Raised when a book's folder has no `book.yaml`.
    case missingBookSettings = "missing-book-settings"
    /// Raised when a book's cover image does not exist.
    case missingCover = "missing-cover"
    /// Raised when a file a scenario names (its attribution data) does not exist.
    case missingFile = "missing-file"
    /// Raised when a chapter has no front matter.
    case missingFrontMatter = "missing-front-matter"
    /// Raised when a YAML mapping lacks a key it needs.
    case missingKey = "missing-key"
    /// Raised when a report template's folder has no `report.yaml`.
    case missingReportSettings = "missing-report-settings"
    /// Raised when Markdown content is nested deeper than Playbook follows.
    case nestingTooDeep = "nesting-too-deep"
    /// Raised when a block shows data (objectives, attribution, ranges) that its scenario does not have.
    case noData = "no-data"
    /// Raised when `--compare` names no usable earlier run of the reports.
    case noEarlierRun = "no-earlier-run"
    /// Raised when the folder has no `playbook.yaml`.
    case noProject = "no-project"
    /// Raised when a report names a template that does not exist.
    case noReportTemplate = "no-report-template"
    /// Raised when a block, value, report or command names a scenario that does not exist, or needs one and none is named.
    case noScenario = "no-scenario"
    /// Raised when a scenario's formula has no value in one of its cases.
    case noValue = "no-value"
    /// Raised when a path that must be a file is a folder.
    case notAFile = "not-a-file"
    /// Raised when a YAML document or value that must be a mapping is not.
    case notAMapping = "not-a-mapping"
    /// Raised when a path that must be a file is a device, socket or pipe.
    case notARegularFile = "not-a-regular-file"
    /// Raised when a text file is not valid UTF-8.
    case notUtf8 = "not-utf8"
    /// Raised when raw HTML uses an element that HTML5 made obsolete.
    case obsoleteHtml = "obsolete-html"
    /// Raised when two outputs would be written to the same path.
    case outputClash = "output-clash"
    /// Raised when a path leads outside the project (or outside its folder) through `..` or a symbolic link.
    case outsideProject = "outside-project"
    /// Raised when `playbook import docx` runs Pandoc and it fails or gives no text.
    case pandocFailed = "pandoc-failed"
    /// Raised when `playbook import docx` cannot find Pandoc (`PLAYBOOK_PANDOC`, else `pandoc` on the PATH).
    case pandocMissing = "pandoc-missing"
    /// Raised when a report's PDF is wanted and no Chromium program is found to print it.
    case pdfEngineMissing = "pdf-engine-missing"
    /// Raised when Chromium could not print a report's PDF (it crashed, timed out or refused the page).
    case pdfFailed = "pdf-failed"
    /// Raised when raw HTML is not well-formed, or has an element or attribute that cannot be where it is.
    case rawHtml = "raw-html"
    /// Raised when an image points at a remote URL, which an EPUB cannot load.
    case remoteImage = "remote-image"
    /// Raised when a book has a name that Playbook's own output uses.
    case reservedBookName = "reserved-book-name"
    /// Raised when a chapter has a name that Playbook's own output uses.
    case reservedChapterName = "reserved-chapter-name"
    /// Raised when `SOURCE_DATE_EPOCH` is not a whole number of seconds.
    case sourceDateEpoch = "source-date-epoch"
    /// Raised when a row of a Markdown table has more cells than the table has columns (a warning).
    case tableExtraCells = "table-extra-cells"
    /// Raised when templates include each other in a loop.
    case templateLoop = "template-loop"
    /// Raised when a Mustache template cannot be parsed.
    case templateSyntax = "template-syntax"
    /// Raised when templates include each other more deeply than Playbook follows.
    case templateTooDeep = "template-too-deep"
    /// Raised when a scenario's figures are too large to compute.
    case tooLarge = "too-large"
    /// Raised when a chapter's front matter is never closed.
    case unclosedFrontMatter = "unclosed-front-matter"
    /// Raised when a scenario combines or shows values of incompatible units.
    case unitMismatch = "unit-mismatch"
    /// Raised when a `playbook` fenced block names no kind, an unknown kind, or has no arguments mapping.
    case unknownBlock = "unknown-block"
    /// Raised when a scenario's formula calls a function that does not exist.
    case unknownFunction = "unknown-function"
    /// Raised when a YAML mapping has a key that has no meaning there.
    case unknownKey = "unknown-key"
    /// Raised when a formula, scenario or `playbook calc --explain` names an input, metric, line or channel that does not exist.
    case unknownName = "unknown-name"
    /// Raised when a template includes a template that does not exist.
    case unknownPartial = "unknown-partial"
    /// Raised when a block or inline value names a figure that its scenario does not have.
    case unknownValue = "unknown-value"
    /// Raised when a folder in `content/` has a `book.yaml` but is not listed in `playbook.yaml` (a warning).
    case unlistedBook = "unlisted-book"
    /// Raised when a file cannot be read, or disappeared while it was being read.
    case unreadable = "unreadable"
    /// Raised when the output folder would overwrite the project's sources or a folder Playbook did not make.
    case unsafeOutput = "unsafe-output"
    /// Raised (a warning, in `playbook build` and the preview) for a scenario with errors that
    /// no chapter and no listed report uses: the build goes on without it.
    case unusedScenario = "unused-scenario"
    /// Raised when a value tag's format (`| number`, `| percent: 1` …) is unknown, has a bad
    /// argument, or does not fit the figure (`| percent` on money).
    case valueFormat = "value-format"
    /// Raised when a `{{ … }}` tag in a chapter is not a value tag.
    case valueTag = "value-tag"
    /// Raised when the output could not be written.
    case writeFailed = "write-failed"
    /// Raised when a scenario's formula calls a function with the wrong number of arguments.
    case wrongArguments = "wrong-arguments"
    /// Raised when a YAML value has the wrong type (text where a number is needed, and so on).
    case wrongType = "wrong-type"
    /// Raised when a YAML file expands aliases beyond the limit Playbook accepts.
    case yamlAliasLimit = "yaml-alias-limit"
    /// Raised when a YAML file is not valid YAML.
    case yamlSyntax = "yaml-syntax"
}
