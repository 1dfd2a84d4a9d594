import Foundation
import PlaybookCore

/// A text compared by its bytes (`String`'s `==` compares by Unicode canonical equivalence,
/// which is slow for long texts that are not ASCII).
package struct ExactText: Equatable, Sendable {
    var text: String

    package init(_ text: String) {
        self.text = text
    }

    package static func == (left: ExactText, right: ExactText) -> Bool {
        var a = left.text, b = right.text
        return a.withUTF8 { first in
            b.withUTF8 { second in
                first.count == second.count
                    && (first.count == 0 || first.baseAddress == second.baseAddress || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }
}

extension OutputFile.Content {
    /// Whether two contents are the same bytes (copies: the same source path).
    package func sameBytes(as other: OutputFile.Content) -> Bool {
        switch (self, other) {
        case (.text(let a), .text(let b)): return ExactText(a) == ExactText(b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.copy(let a), .copy(let b)): return a == b
        default: return false
        }
    }
}
