import PlaybookCore

/// Reads the `{#id}` attribute that may end a heading (`## Payback {#payback}`), the syntax
/// Pandoc, Hugo and mdBook share for an anchor that does not change when the title does.
enum HeadingAttributes {
    /// The heading content without the attribute, and the id written in it, if any.
    static func split(_ content: [Inline]) -> ([Inline], String?) {
        guard case .text(let text)? = content.last else { return (content, nil) }
        let trimmed = text.trimmingTrailingSpaces()
        guard trimmed.hasSuffix("}"), let open = trimmed.ranges(of: "{#").last else {
            return (content, nil)
        }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard !id.isEmpty, !id.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else { return (content, nil) }
        var stripped = content
        let before = String(trimmed[..<open.lowerBound]).trimmingTrailingSpaces()
        if before.isEmpty { stripped.removeLast() } else { stripped[stripped.count - 1] = .text(before) }
        return (stripped, id)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
