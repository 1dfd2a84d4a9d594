import Foundation
import PlaybookKit

/// Random edits to a project on disk, as an author makes them while the preview server runs:
/// prose, headings other chapters link to, chapters, scenarios, templates, images, `site/`
/// files, and mistakes (YAML syntax, a broken link, an unknown metric) fixed at the next step.
/// Every choice comes from the generator, so a seed reproduces the same sequence.
struct ProjectEdits {
    /// The project folder.
    let root: URL
    var random: SeededGenerator
    /// How many edits were made (numbers new names and texts).
    private var count = 0
    /// The edit that puts right the mistake the last edit made.
    private var pendingFix: (description: String, path: String, text: String)?
    /// The project-relative paths the last step wrote, created or deleted, with every folder
    /// it created: what the preview server's watcher reports for it.
    private(set) var touched: Set<String> = []

    init(root: URL, seed: UInt64) {
        self.root = root
        random = SeededGenerator(seed: seed)
    }

    /// The kinds of edit not made yet in this round, in the order they will be tried.
    private var deck: [Int] = []

    /// Makes one edit and describes it. The kinds of edit are dealt like cards: every kind is
    /// tried once, in a random order, before any is tried again, so that a short run makes
    /// every kind (one that cannot be made yet, such as deleting an added chapter before any
    /// was added, goes back at the end of the round).
    mutating func step() -> String {
        count += 1
        touched = []
        if let fix = pendingFix {
            pendingFix = nil
            write(fix.path, fix.text)
            return fix.description
        }
        let edits: [(inout ProjectEdits) -> String?] = [
            { $0.editProse() }, { $0.editKeepingStamp() }, { $0.editTitle() }, { $0.editReportChapter() },
            { $0.addHeading() }, { $0.renameHeading() }, { $0.removeHeading() }, { $0.linkToHeading() },
            { $0.addChapter() }, { $0.deleteChapter() }, { $0.renameChapter() },
            { $0.editScenarioInput() }, { $0.editScenarioData() }, { $0.addScenario() }, { $0.deleteScenario() },
            { $0.editTemplate() }, { $0.editAsset() }, { $0.editSiteFile() }, { $0.editSeriesTitle() },
            { $0.breakYAML() }, { $0.breakLink() }, { $0.breakMetric() }, { $0.addNumberedTable() },
        ]
        var skipped: [Int] = []
        while true {
            if deck.isEmpty {
                deck = Array(edits.indices).shuffled(using: &random)
                // What could not be made comes first in the next round (prose can always be edited, so
                // a round never runs dry).
                deck = skipped + deck.filter { !skipped.contains($0) }
                skipped = []
            }
            let kind = deck.removeFirst()
            if let description = edits[kind](&self) {
                deck += skipped
                return description
            }
            skipped.append(kind)
        }
    }

    // MARK: - The edits

    /// Appends a sentence to a paragraph of a chapter, or a new paragraph at its end.
    private mutating func editProse() -> String? {
        guard let chapter = pick(chapters()), var text = read(chapter) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let body = proseLines(lines)
        if let line = pick(body), Bool.random(using: &random) {
            lines[line] += " Edited \(count)."
            text = lines.joined(separator: "\n")
            write(chapter, text)
            return "edit a paragraph of \(chapter) (line \(line + 1))"
        }
        write(chapter, text + "\nA new paragraph, number \(count).\n")
        return "add a paragraph at the end of \(chapter)"
    }

    /// Changes the title of a chapter or a book (the navigation every page shows).
    private mutating func editTitle() -> String? {
        guard let path = pick(chapters() + books().map { "content/\($0)/book.yaml" }), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard let line = lines.firstIndex(where: { $0.hasPrefix("title: ") }) else { return nil }
        if lines[line].hasSuffix("\"") {
            lines[line].insert(contentsOf: " \(count)", at: lines[line].index(before: lines[line].endIndex))
        } else {
            lines[line] += " \(count)"
        }
        write(path, lines.joined(separator: "\n"))
        return "add \(count) to the title in \(path)"
    }

    /// Adds a paragraph to a chapter of a report template (`content/reports/`).
    private mutating func editReportChapter() -> String? {
        guard let chapter = pick(files(under: "content/reports").filter { $0.hasSuffix(".md") }), let text = read(chapter) else { return nil }
        write(chapter, text + "\nA report paragraph, number \(count).\n")
        return "add a paragraph to \(chapter)"
    }

    /// Repeats a row of a scenario's data file (its attribution figures change).
    private mutating func editScenarioData() -> String? {
        guard let data = pick(files(under: "content/scenarios").filter { $0.hasSuffix(".csv") }), let text = read(data) else { return nil }
        let rows = text.components(separatedBy: "\n").dropFirst().filter { !$0.isEmpty }
        guard let row = pick(Array(rows)) else { return nil }
        write(data, text + (text.hasSuffix("\n") ? "" : "\n") + row + "\n")
        return "repeat the row '\(row)' at the end of \(data)"
    }

    /// Changes one letter of a chapter in place, then gives it back its modification time, as
    /// `cp -p`, `rsync -t` or restoring from a backup do: the file keeps its inode, size and
    /// modification time, and only its contents (and its status-change time) say it changed.
    private mutating func editKeepingStamp() -> String? {
        var info = stat()
        guard let chapter = pick(chapters()), var bytes = FileManager.default.contents(atPath: url(chapter).path).map(Array.init),
              stat(url(chapter).path, &info) == 0 else { return nil }
        // The last "e" of a line of plain running text (not in a link, a tag or markup).
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        let plain = proseLines(lines).filter { !lines[$0].contains(where: { "[]()<>{}`".contains($0) }) }
        guard let line = plain.last(where: { lines[$0].utf8.contains(UInt8(ascii: "e")) }) else { return nil }
        let start = lines[..<line].reduce(0) { $0 + $1.utf8.count + 1 }
        guard let offset = lines[line].utf8.lastIndex(of: UInt8(ascii: "e")).map({ lines[line].utf8.distance(from: lines[line].utf8.startIndex, to: $0) }) else { return nil }
        bytes[start + offset] = UInt8(ascii: "a")
        writeBytes(chapter, bytes)
        #if os(Linux)
        let times = [info.st_atim, info.st_mtim]
        #else
        let times = [info.st_atimespec, info.st_mtimespec]
        #endif
        _ = utimensat(AT_FDCWD, url(chapter).path, times, 0)
        return "change an 'e' on line \(line + 1) of \(chapter) to 'a', keeping its size and modification time"
    }

    /// Appends a `##` heading with an explicit anchor.
    private mutating func addHeading() -> String? {
        guard let chapter = pick(chapters()), let text = read(chapter) else { return nil }
        write(chapter, text + "\n## Topic \(count) {#topic-\(count)}\n\nAbout topic \(count).\n")
        return "add heading #topic-\(count) to \(chapter)"
    }

    /// Gives an added heading a new anchor (links to the old one break).
    private mutating func renameHeading() -> String? {
        guard let (chapter, anchor) = pick(addedAnchors()), let text = read(chapter) else { return nil }
        let new = "theme-\(count)"
        write(chapter, text.replacingOccurrences(of: "{#\(anchor)}", with: "{#\(new)}"))
        return "rename heading #\(anchor) to #\(new) in \(chapter)"
    }

    /// Removes an added heading and its paragraph (links to it break).
    private mutating func removeHeading() -> String? {
        guard let (chapter, anchor) = pick(addedAnchors()), let text = read(chapter) else { return nil }
        let lines = text.components(separatedBy: "\n")
        guard let at = lines.firstIndex(where: { $0.hasSuffix("{#\(anchor)}") }) else { return nil }
        let kept = lines.enumerated().filter { !($0.offset >= at && $0.offset <= at + 2) }.map(\.element)
        write(chapter, kept.joined(separator: "\n"))
        return "remove heading #\(anchor) from \(chapter)"
    }

    /// Links a chapter to an added heading of a chapter of the same book.
    private mutating func linkToHeading() -> String? {
        guard let (target, anchor) = pick(addedAnchors()) else { return nil }
        let book = (target as NSString).deletingLastPathComponent
        guard let from = pick(chapters().filter { ($0 as NSString).deletingLastPathComponent == book }), let text = read(from) else { return nil }
        let name = (target as NSString).lastPathComponent
        write(from, text + "\nSee [the topic](\(name)#\(anchor)).\n")
        return "link \(from) to \(name)#\(anchor)"
    }

    /// Adds a captioned, labelled table to a chapter and refers to it, with a footnote, from a
    /// chapter of the same book: the numbers of the book's later tables and the reference's
    /// text ("Table 2.3") in the other chapter follow.
    private mutating func addNumberedTable() -> String? {
        guard let chapter = pick(chapters()), let text = read(chapter) else { return nil }
        let book = (chapter as NSString).deletingLastPathComponent
        guard let from = pick(chapters().filter { ($0 as NSString).deletingLastPathComponent == book }) else { return nil }
        write(chapter, text + "\n| Item | Count |\n| --- | ---: |\n| Item \(count) | \(count) |\n\n: Items of edit \(count) {#tbl-edit-\(count)}\n")
        guard let fromText = read(from) else { return nil }
        write(from, fromText + "\nSee @tbl-edit-\(count).[^edit-\(count)]\n\n[^edit-\(count)]: Added by edit \(count).\n")
        return "add table #tbl-edit-\(count) to \(chapter), referred to from \(from)"
    }

    /// Adds a chapter to a book; sometimes it names a scenario and shows its NPV.
    private mutating func addChapter() -> String? {
        guard let book = pick(books()) else { return nil }
        let path = "content/\(book)/extra-\(count).md"
        var frontMatter = "---\ntitle: Extra chapter \(count)\norder: \(100 + count)\n"
        var body = "## Extra section {#extra-\(count)}\n\nText of the extra chapter.\n"
        if let scenario = pick(scenarios()), Bool.random(using: &random) {
            let name = ((scenario as NSString).lastPathComponent as NSString).deletingPathExtension
            frontMatter += "scenario: \(name)\n"
            body += "\nThe NPV is {{ npv }}.\n"
        }
        write(path, frontMatter + "---\n\n" + body)
        return "add chapter \(path)"
    }

    /// Deletes a chapter an earlier edit added.
    private mutating func deleteChapter() -> String? {
        guard let chapter = pick(chapters().filter { $0.contains("/extra-") }) else { return nil }
        remove(chapter)
        return "delete chapter \(chapter)"
    }

    /// Renames a chapter an earlier edit added (its slug and page change).
    private mutating func renameChapter() -> String? {
        guard let chapter = pick(chapters().filter { $0.contains("/extra-") }), let text = read(chapter) else { return nil }
        let new = (chapter as NSString).deletingLastPathComponent + "/extra-\(count).md"
        remove(chapter)
        write(new, text)
        return "rename chapter \(chapter) to \(new)"
    }

    /// Changes the first number among a scenario's inputs (its figures change).
    private mutating func editScenarioInput() -> String? {
        guard let scenario = pick(scenarios()), let text = read(scenario) else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard let inputs = lines.firstIndex(of: "inputs:"),
              let line = lines[(inputs + 1)...].firstIndex(where: { $0.hasPrefix("  ") && $0.contains(where: \.isNumber) }),
              let digits = lines[line].range(of: "[0-9][0-9_]*", options: .regularExpression) else { return nil }
        let value = Int.random(in: 1...999, using: &random)
        lines[line].replaceSubrange(digits, with: String(value))
        write(scenario, lines.joined(separator: "\n"))
        return "set the first input of \(scenario) to \(value)"
    }

    /// Copies a scenario under a new name.
    private mutating func addScenario() -> String? {
        guard let scenario = pick(scenarios()), let text = read(scenario) else { return nil }
        let path = "content/scenarios/extra-\(count).yaml"
        write(path, text)
        return "copy \(scenario) to \(path)"
    }

    /// Deletes a scenario an earlier edit added (chapters naming it fail).
    private mutating func deleteScenario() -> String? {
        guard let scenario = pick(scenarios().filter { $0.contains("/extra-") }) else { return nil }
        remove(scenario)
        return "delete scenario \(scenario)"
    }

    /// Adds a comment to one of the project's templates, or writes the project's own copy of
    /// a built-in one, or removes a copy an earlier edit wrote.
    private mutating func editTemplate() -> String? {
        let names = ["chapter", "book", "layout", "epub/chapter", "blocks/metrics"]
        guard let name = pick(names) else { return nil }
        let path = "templates/\(name).mustache"
        if let text = read(path) {
            if text.hasPrefix("{{! added by the test }}"), Bool.random(using: &random) {
                remove(path)
                return "remove \(path)"
            }
            write(path, text + "<!-- edit \(count) -->\n")
            return "add a comment to \(path)"
        }
        guard let builtIn = ProjectStarter.files[path] else { return nil }
        write(path, "{{! added by the test }}" + builtIn + "<!-- edit \(count) -->\n")
        return "write the project's own \(path)"
    }

    /// Adds an image to a book and shows it in a chapter, changes an image's bytes, or
    /// deletes an added image (the chapter showing it fails).
    private mutating func editAsset() -> String? {
        let added = files(under: "content").filter { $0.contains("/images/extra-") }
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            guard let chapter = pick(chapters()), let text = read(chapter) else { return nil }
            let book = (chapter as NSString).deletingLastPathComponent
            let image = "images/extra-\(count).png"
            writeBytes("\(book)/\(image)", Self.png)
            write(chapter, text + "\n![Extra image \(count)](\(image))\n")
            return "add \(book)/\(image), shown in \(chapter)"
        case 1:
            guard let image = pick(files(under: "content").filter { $0.hasSuffix(".png") }),
                  let bytes = FileManager.default.contents(atPath: url(image).path) else { return nil }
            writeBytes(image, bytes + [UInt8(count % 256)])
            return "change the bytes of \(image)"
        default:
            guard let image = pick(added) else { return nil }
            remove(image)
            return "delete \(image)"
        }
    }

    /// Adds, changes or deletes a file of `site/`, or edits the site's stylesheet.
    private mutating func editSiteFile() -> String? {
        let path = pick(["site/extra.txt", "site/css/playbook.css"]) ?? "site/extra.txt"
        if let text = read(path) {
            if path == "site/extra.txt", Bool.random(using: &random) {
                remove(path)
                return "delete \(path)"
            }
            write(path, text + "/* edit \(count) */\n")
            return "change \(path)"
        }
        write(path, "/* added \(count) */\n")
        return "add \(path)"
    }

    /// Changes the series' title (every page shows it).
    private mutating func editSeriesTitle() -> String? {
        guard let text = read("playbook.yaml") else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard let line = lines.firstIndex(where: { $0.hasPrefix("title: ") }) else { return nil }
        lines[line] = "title: Series \(count)"
        write("playbook.yaml", lines.joined(separator: "\n"))
        return "set the series title in playbook.yaml to 'Series \(count)'"
    }

    /// Breaks the YAML of playbook.yaml, a book.yaml, a scenario or a chapter's front matter.
    private mutating func breakYAML() -> String? {
        let candidates = ["playbook.yaml"] + books().map { "content/\($0)/book.yaml" } + scenarios() + chapters()
        guard let path = pick(candidates), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        // After the first line: inside a chapter's front matter, anywhere in a YAML file.
        lines.insert("broken: [unclosed", at: 1)
        write(path, lines.joined(separator: "\n"))
        fix(path, to: text, "fix the YAML of \(path)")
        return "break the YAML of \(path)"
    }

    /// Adds a link to a chapter that does not exist.
    private mutating func breakLink() -> String? {
        guard let chapter = pick(chapters()), let text = read(chapter) else { return nil }
        write(chapter, text + "\nA [broken link](no-such-chapter.md).\n")
        fix(chapter, to: text, "remove the broken link from \(chapter)")
        return "add a broken link to \(chapter)"
    }

    /// Names a metric the chapter's scenario does not have.
    private mutating func breakMetric() -> String? {
        guard let chapter = pick(chapters().filter { read($0)?.contains("\nscenario: ") == true }), let text = read(chapter) else { return nil }
        write(chapter, text + "\nThe {{ no_such_metric }} figure.\n")
        fix(chapter, to: text, "remove the unknown metric from \(chapter)")
        return "name an unknown metric in \(chapter)"
    }

    // MARK: - The project

    /// The books: folders of `content/` with a `book.yaml`, sorted.
    func books() -> [String] {
        names(in: "content").filter { FileManager.default.fileExists(atPath: url("content/\($0)/book.yaml").path) }
    }

    /// Every chapter file of every book, sorted.
    func chapters() -> [String] {
        books().flatMap { book in names(in: "content/\(book)").filter { $0.hasSuffix(".md") }.map { "content/\(book)/\($0)" } }
    }

    /// Every scenario file, sorted.
    func scenarios() -> [String] {
        names(in: "content/scenarios").filter { $0.hasSuffix(".yaml") }.map { "content/scenarios/\($0)" }
    }

    /// The anchors of headings added by ``addHeading()``, with their chapter.
    private func addedAnchors() -> [(String, String)] {
        chapters().flatMap { chapter -> [(String, String)] in
            (read(chapter) ?? "").components(separatedBy: "\n").compactMap { line in
                guard line.hasPrefix("## "), let open = line.range(of: "{#"), line.hasSuffix("}"),
                      line.contains("{#topic-") || line.contains("{#theme-") else { return nil }
                return (chapter, String(line[open.upperBound..<line.index(before: line.endIndex)]))
            }
        }
    }

    private func bodyStart(_ lines: [String]) -> Int {
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return 0 }
        return end + 1
    }

    /// The lines of running text of a chapter: not in the front matter or a fenced block, and
    /// not a heading, list, table, HTML or template tag.
    private func proseLines(_ lines: [String]) -> [Int] {
        var fenced = false
        return (bodyStart(lines) ..< lines.count).filter { index in
            let line = lines[index]
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fenced.toggle() }
            guard !fenced, let first = line.first, first.isLetter else { return false }
            return !line.contains("{{") && !line.contains("|")
        }
    }

    private mutating func fix(_ path: String, to text: String, _ description: String) {
        pendingFix = (description, path, text)
    }

    private mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)]
    }

    private func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private func files(under folder: String) -> [String] {
        Snapshot.files(under: url(folder)).map { "\(folder)/\($0)" }
    }

    private mutating func write(_ path: String, _ text: String) {
        writeBytes(path, Array(text.utf8))
    }

    private mutating func writeBytes(_ path: String, _ bytes: [UInt8]) {
        touch(path)
        Self.writeInPlace(url(path), bytes)
    }

    private mutating func remove(_ path: String) {
        touch(path)
        try? FileManager.default.removeItem(at: url(path))
    }

    /// Notes that `path` is about to change, and each folder above it that does not exist yet.
    private mutating func touch(_ path: String) {
        touched.insert(path)
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, !FileManager.default.fileExists(atPath: url(folder).path) {
            touched.insert(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Writes a file in place (same inode, as many editors save), creating its folder.
    static func writeInPlace(_ url: URL, _ bytes: [UInt8]) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: url.path) else { return }
        defer { try? handle.close() }
        try? handle.truncate(atOffset: 0)
        try? handle.write(contentsOf: Data(bytes))
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==") ?? Data())
}
