import Foundation

/// Follows every relative `href` and `src` in the HTML and XHTML files below a folder and
/// reports the ones that lead nowhere: a missing file, or a `#fragment` that is no `id` in
/// the page it names. Links with a scheme (`https:`, `mailto:`) are not followed.
enum LinkChecker {
    static func brokenLinks(under root: URL) throws -> [String] {
        let pages = Tools.files(under: root).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xhtml") }
        var idsByPage: [String: Set<String>] = [:]
        var texts: [String: String] = [:]
        for page in pages {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            texts[page] = text
            idsByPage[page] = Set(matches(of: #"\sid="([^"]*)""#, in: text))
        }
        var broken: [String] = []
        for page in pages {
            guard let text = texts[page] else { continue }
            let folder = (page as NSString).deletingLastPathComponent
            for link in matches(of: #"\s(?:href|src)="([^"]*)""#, in: text) {
                if link.isEmpty || link.range(of: #"^[a-zA-Z][a-zA-Z0-9+.-]*:"#, options: .regularExpression) != nil { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = (parts[0].removingPercentEncoding ?? parts[0])
                let target = path.isEmpty ? page : ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
                guard FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) else {
                    broken.append("\(page): \(link) (no file \(target))")
                    continue
                }
                if parts.count == 2, !parts[1].isEmpty, let ids = idsByPage[target], !ids.contains(parts[1]) {
                    broken.append("\(page): \(link) (no id '\(parts[1])' in \(target))")
                }
            }
        }
        return broken
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }
}
