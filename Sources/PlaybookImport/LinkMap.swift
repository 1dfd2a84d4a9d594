import Foundation
import PlaybookCore
import PlaybookFiles

/// Where the links and images of an imported book lead: each relative destination is resolved
/// against the chapter's folder in the source, then becomes a link to an imported chapter, a
/// book file to copy, an absolute address under `--site-root`, or a problem to report.
struct LinkMap {
    /// The folder chapter paths are relative to (mdBook's `src/`, or the Markdown folder).
    let contentRoot: URL
    /// Imported chapters by source path relative to `contentRoot` (`format/config.md`), to their new file names.
    let chapters: [String: String]
    /// The anchor of the title heading each chapter loses (the page prints the title), by source path.
    var titleAnchors: [String: String] = [:]
    /// The address the source book is published at (`--site-root`), for links that leave it.
    let siteRoot: String?
    /// How the source folder is shown in messages.
    let label: String

    /// What becomes of one destination.
    enum Outcome: Equatable {
        /// Left as written (an absolute URL, a fragment, nothing).
        case unchanged
        /// Written as this instead (a chapter's new file name, a fragment made an anchor Playbook gives).
        case rewritten(String)
        /// An image of the source (relative to `contentRoot`) to copy into the book, shown as `destination`.
        case file(source: String, destination: String)
        /// Leaves the book: the address under the site root.
        case siteRoot(String)
        /// Not usable: why, and a hint.
        case unusable(String, hint: String?)
    }

    /// The outcome for `destination` written in the chapter at `chapterPath` (relative to `contentRoot`).
    func resolve(_ destination: String, from chapterPath: String, isImage: Bool) -> Outcome {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || Self.hasScheme(trimmed) || trimmed.hasPrefix("//") { return .unchanged }
        if trimmed.hasPrefix("#") {
            let fragment = String(trimmed.dropFirst())
            let anchor = Self.anchor(fragment)
            return anchor == fragment ? .unchanged : .rewritten("#" + anchor)
        }
        var path = trimmed
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }
        let decoded = path.removingPercentEncoding ?? path
        let folder = chapterPath.split(separator: "/").dropLast().map(String.init)
        guard let resolved = decoded.hasPrefix("/") ? Self.normalize([], decoded) : Self.normalize(folder, decoded) else {
            return leaving(trimmed, from: chapterPath, isImage: isImage)
        }
        let joined = resolved.joined(separator: "/")
        let fragmentText = fragment.map { "#" + Self.anchor($0) } ?? ""
        // A chapter, written as its file (`config.md`), its page (`config.html`) or its folder.
        for candidate in Self.chapterCandidates(joined, endsWithSlash: decoded.hasSuffix("/") || decoded.isEmpty) {
            if let name = chapters[candidate] {
                // A link to the title heading, which the chapter no longer has, goes to the chapter.
                if let fragment, titleAnchors[candidate] == Self.anchor(fragment) { return .rewritten(name) }
                return .rewritten(name + fragmentText)
            }
        }
        let file = contentRoot.appendingPathComponent(joined)
        var isFolder: ObjCBool = false
        let exists = !joined.isEmpty && FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && !isFolder.boolValue
        if exists && isImage {
            return .file(source: joined, destination: Self.encode(joined) + (fragment.map { "#" + $0 } ?? ""))
        }
        if exists && !joined.hasSuffix(".md") {
            // A link to a file: an EPUB cannot open it, so it goes to the published copy.
            if siteRoot != nil { return leaving(trimmed, from: chapterPath, isImage: false) }
            return .unusable("'\(destination)' links to a file, which an EPUB cannot open, and no --site-root says where it is published",
                             hint: "import again with --site-root https://…/ to link to the published file, or show it in the chapter")
        }
        if exists {
            return .unusable("'\(destination)' is a Markdown file that is not a chapter of the book",
                             hint: "add it to the contents (SUMMARY.md) and import again, or link to where it is published")
        }
        return .unusable("'\(destination)' names \(label)/\(joined), which does not exist",
                         hint: isImage ? "add the image and import again" : "fix the link in the source, or link to where the page is published")
    }

    /// A destination that leaves the book's folder.
    private func leaving(_ destination: String, from chapterPath: String, isImage: Bool) -> Outcome {
        if isImage {
            return .unusable("the image '\(destination)' is outside \(label)/, and an EPUB shows only its own files",
                             hint: "copy the image into \(label)/ and import again")
        }
        guard let siteRoot, let base = URL(string: siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/"),
              let page = URL(string: Self.htmlPage(chapterPath), relativeTo: base),
              let target = URL(string: destination, relativeTo: page) else {
            return .unusable("'\(destination)' leaves the book, and no --site-root says where it is published",
                             hint: "import again with --site-root https://…/ (the address the book is published at), or fix the link")
        }
        return .siteRoot(target.absoluteString)
    }

    /// The page mdBook makes of a chapter: `format/config.md` → `format/config.html`, `README.md` → `index.html`.
    static func htmlPage(_ chapterPath: String) -> String {
        var parts = chapterPath.split(separator: "/").map(String.init)
        guard var last = parts.popLast() else { return "index.html" }
        if last.lowercased() == "readme.md" { last = "index.md" }
        if last.hasSuffix(".md") { last = String(last.dropLast(3)) + ".html" }
        return (parts + [last]).map(encode).joined(separator: "/")
    }

    /// The source paths a destination can mean as a chapter.
    private static func chapterCandidates(_ path: String, endsWithSlash: Bool) -> [String] {
        if endsWithSlash || path.isEmpty {
            let folder = path.isEmpty ? "" : path + "/"
            return [folder + "README.md", folder + "index.md", folder + "readme.md"]
        }
        if path.hasSuffix(".md") { return [path] }
        if path.hasSuffix(".html") {
            let stem = String(path.dropLast(5))
            var candidates = [stem + ".md"]
            if stem == "index" || stem.hasSuffix("/index") {
                let folder = stem.dropLast(5)
                candidates += [folder + "README.md", folder + "readme.md"]
            }
            return candidates
        }
        return []
    }

    /// `folder` joined with `path`, `.` and `..` applied; `nil` when it climbs out of the root.
    static func normalize(_ folder: [String], _ path: String) -> [String]? {
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts
    }

    /// The anchor Playbook gives a heading whose mdBook anchor is `fragment`: the same, with
    /// `h-` in front when it starts with a digit or a hyphen (an anchor must be an XML name).
    static func anchor(_ fragment: String) -> String {
        let decoded = fragment.removingPercentEncoding ?? fragment
        guard let first = decoded.unicodeScalars.first else { return fragment }
        if first.properties.isAlphabetic || first == "_" { return fragment }
        return "h-" + fragment
    }

    /// A path written as a URL: spaces and other characters URLs do not allow, percent-encoded.
    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// Whether a destination starts with a URL scheme (`https:`, `mailto:`).
    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }
}
