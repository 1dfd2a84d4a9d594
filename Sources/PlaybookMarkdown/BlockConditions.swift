import PlaybookCore

/// Finds the lines of block conditions in a chapter body before cmark sees it, and folds the
/// blocks parsed between them into ``Conditional`` nodes.
///
/// A marker is a line that starts at column 0 with `:::` and a space or the line's end:
/// `::: if CONDITION`, `::: else if CONDITION`, `::: else`, or `:::` alone to close. cmark would
/// take such a line for text of the paragraph around it, so the body is cut at the markers and
/// each piece is parsed on its own, with its real line numbers: what the markers remove leaves
/// every other line where it was. Lines inside fenced code (```` ``` ```` or `~~~`) are never
/// markers, so a chapter can show the syntax.
enum BlockConditions {
    /// One marker line.
    struct Marker {
        enum Kind: Equatable {
            case ifCondition, elseIf, elseBranch, close
        }
        var kind: Kind
        /// The condition after `if` / `else if` (empty when none was written).
        var condition: String
        /// Body line (1-based).
        var line: Int
        /// UTF-8 column (1-based) of the condition's first character.
        var conditionColumn: Int
    }

    /// The markers of `lines`, and the lines that start with `::: ` but are not a marker.
    static func markers(in lines: BodyLines) -> (markers: [Marker], unknown: [Int]) {
        var markers: [Marker] = []
        var unknown: [Int] = []
        var fence: (byte: UInt8, count: Int)?
        for number in 1...lines.count {
            let line = lines.line(number)
            if let found = fenceRun(line) {
                if let open = fence {
                    if found.byte == open.byte, found.count >= open.count, found.restIsBlank { fence = nil }
                } else {
                    fence = (found.byte, found.count)
                }
                continue
            }
            guard fence == nil, line.count >= 3, line.prefix(3).allSatisfy({ $0 == UInt8(ascii: ":") }) else { continue }
            let rest = line.dropFirst(3)
            guard rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == 9 else { continue }
            let words = String(decoding: rest, as: UTF8.self)
            let trimmed = blankTrimmed(words)
            func condition(after keyword: String) -> (String, Int) {
                // The column of the condition: after ":::", the spaces and the keyword.
                let afterKeyword = words.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(keyword.count)
                let text = afterKeyword.drop(while: { $0 == " " || $0 == "\t" })
                let column = 3 + words.utf8.count - text.utf8.count + 1
                return (blankTrimmed(String(text)), column)
            }
            if trimmed.isEmpty {
                markers.append(Marker(kind: .close, condition: "", line: number, conditionColumn: 4))
            } else if trimmed == "else" {
                markers.append(Marker(kind: .elseBranch, condition: "", line: number, conditionColumn: 4))
            } else if trimmed == "if" || trimmed.hasPrefix("if ") || trimmed.hasPrefix("if\t") {
                let (text, column) = condition(after: "if")
                markers.append(Marker(kind: .ifCondition, condition: text, line: number, conditionColumn: column))
            } else if let afterElse = trimmed.dropFirst(4).first, trimmed.hasPrefix("else"), afterElse == " " || afterElse == "\t",
                      blankTrimmed(trimmed.dropFirst(4)) == "if"
                        || blankTrimmed(trimmed.dropFirst(4)).hasPrefix("if ") {
                let elsePart = words.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(4)
                let spaces = elsePart.prefix(while: { $0 == " " || $0 == "\t" }).count
                let (text, column) = condition(after: "else" + String(repeating: " ", count: spaces) + "if")
                markers.append(Marker(kind: .elseIf, condition: text, line: number, conditionColumn: column))
            } else {
                unknown.append(number)
            }
        }
        return (markers, unknown)
    }

    /// `text` without the spaces, tabs and carriage returns around it.
    static func blankTrimmed(_ text: some StringProtocol) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// A fence opening or closing line: its character, how many, and whether only blanks follow.
    static func fenceRun(_ line: ArraySlice<UInt8>) -> (byte: UInt8, count: Int, restIsBlank: Bool)? {
        let content = line.drop(while: { $0 == UInt8(ascii: " ") })
        guard let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let run = content.prefix(while: { $0 == first }).count
        guard run >= 3 else { return nil }
        let rest = content.dropFirst(run)
        return (first, run, rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == 9 || $0 == 13 })
    }

    /// An open `::: if` while folding.
    private struct Frame {
        var position: SourcePosition
        var branches: [ConditionalBranchOf<Parsed>]
        var sawElse = false
    }

    /// Parses the body (`lines`) piece by piece between its markers with `parsePiece` (the
    /// piece's text and how many body lines come before it), and folds the pieces into the tree.
    static func parse(lines: BodyLines, markers: [Marker], unknown: [Int], file: SourceFile, lineOffset: Int,
                      parsePiece: (String, Int) -> ([Block], [Diagnostic])) -> ([Block], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for number in unknown {
            let text = String(decoding: lines.line(number), as: UTF8.self)
            diagnostics.append(.error(.conditionSyntax, "'\(blankTrimmed(text))' is not a block condition",
                                      at: file.location(line: number + lineOffset, column: 1, length: max(text.utf8.count, 1)),
                                      hint: "a line starting with ':::' is '::: if CONDITION', '::: else if CONDITION', '::: else' or ':::' alone"))
        }
        let definitions = lines.referenceDefinitions()
        var root: [Block] = []
        var stack: [Frame] = []
        func append(_ blocks: [Block]) {
            if stack.isEmpty { root += blocks } else {
                let top = stack.count - 1
                stack[top].branches[stack[top].branches.count - 1].blocks += blocks
            }
        }
        func piece(from first: Int, to last: Int) {
            guard first <= last else { return }
            var text = ""
            // A line that is not a marker but looks like one was reported; it stays a blank line.
            for number in first...last {
                text += (unknown.contains(number) ? "" : String(decoding: lines.line(number), as: UTF8.self)) + "\n"
            }
            guard text.contains(where: { !$0.isWhitespace }) else { return }
            if !definitions.isEmpty { text += "\n" + definitions }
            let (blocks, pieceDiagnostics) = parsePiece(text, first - 1)
            append(blocks)
            diagnostics += pieceDiagnostics
        }
        func location(_ marker: Marker) -> SourceLocation {
            let length = lines.line(marker.line).count
            return file.location(line: marker.line + lineOffset, column: 1, length: max(length, 1))
        }
        func closeTop(lastLine: Int) {
            guard var frame = stack.popLast() else { return }
            frame.branches[frame.branches.count - 1].lastLine = lastLine + lineOffset
            append([.conditional(Conditional(branches: frame.branches, position: frame.position))])
        }
        func condition(_ marker: Marker) -> ConditionText {
            ConditionText(text: marker.condition, position: SourcePosition(line: marker.line + lineOffset, column: marker.conditionColumn))
        }
        var next = 1
        for marker in markers {
            piece(from: next, to: marker.line - 1)
            next = marker.line + 1
            let branchStart = marker.line + 1 + lineOffset
            switch marker.kind {
            case .ifCondition:
                if marker.condition.isEmpty {
                    diagnostics.append(.error(.conditionSyntax, "'::: if' needs a condition", at: location(marker),
                                              hint: "write for example '::: if npv > $0' or '::: if has_ranges'"))
                }
                stack.append(Frame(position: SourcePosition(line: marker.line + lineOffset, column: 1),
                                   branches: [ConditionalBranchOf(condition: condition(marker), blocks: [], firstLine: branchStart, lastLine: branchStart)]))
            case .elseIf, .elseBranch:
                let written = marker.kind == .elseIf ? "::: else if" : "::: else"
                guard !stack.isEmpty else {
                    diagnostics.append(.error(.conditionSyntax, "this '\(written)' has no '::: if' before it", at: location(marker),
                                              hint: "start the block with '::: if CONDITION'"))
                    continue
                }
                let top = stack.count - 1
                if stack[top].sawElse {
                    let message = marker.kind == .elseIf ? "'::: else if' cannot follow '::: else'" : "this block condition already has a '::: else'"
                    diagnostics.append(.error(.conditionSyntax, message, at: location(marker),
                                              hint: "'::: else' is the last branch of a block condition; close the block with ':::' first"))
                    continue
                }
                if marker.kind == .elseIf, marker.condition.isEmpty {
                    diagnostics.append(.error(.conditionSyntax, "'::: else if' needs a condition", at: location(marker),
                                              hint: "write '::: else' for the branch taken when nothing before holds"))
                }
                stack[top].branches[stack[top].branches.count - 1].lastLine = marker.line - 1 + lineOffset
                stack[top].sawElse = marker.kind == .elseBranch
                stack[top].branches.append(ConditionalBranchOf(condition: marker.kind == .elseIf ? condition(marker) : nil,
                                                               blocks: [], firstLine: branchStart, lastLine: branchStart))
            case .close:
                guard !stack.isEmpty else {
                    diagnostics.append(.error(.conditionSyntax, "this ':::' closes no '::: if'", at: location(marker),
                                              hint: "remove it, or open the block with '::: if CONDITION' before"))
                    continue
                }
                closeTop(lastLine: marker.line - 1)
            }
        }
        piece(from: next, to: lines.count)
        for frame in stack.reversed() {
            diagnostics.append(.error(.conditionSyntax, "this '::: if' is never closed",
                                      at: file.location(line: frame.position.line, column: 1,
                                                        length: max(lines.line(frame.position.line - lineOffset).count, 1)),
                                      hint: "end the block with a line holding ':::' alone"))
            closeTop(lastLine: lines.count)
        }
        return (root, diagnostics)
    }
}
