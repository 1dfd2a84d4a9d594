// Ported from swift-mustache (Sources/Mustache/Template+Parser.swift), part of the Hummingbird
// server framework project. Copyright (c) the Hummingbird authors. Licensed under the Apache
// License, Version 2.0 (SPDX-License-Identifier: Apache-2.0); see
// https://github.com/hummingbird-project/swift-mustache/blob/main/LICENSE.txt.
// Changes: builds NativeNodes (names split once), keeps no section text (Playbook has no
// lambdas), and reports a mistake as a bare error: TemplateLibrary lets swift-mustache parse
// every template first and only hands over those it accepted, with its diagnostics.

extension NativeTemplate {
    /// A mistake in a template. swift-mustache reports it; this parser only stops.
    struct ParseError: Error {}

    /// Where the parser is: the open section, the delimiters, whether a line has just started.
    private struct ParserState {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> ParserState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> ParserState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: String, end: String) -> ParserState {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    /// Parses `string` as swift-mustache does.
    static func parse(_ string: String) throws -> NativeTemplate {
        var scanner = TemplateScanner(string)
        return NativeTemplate(nodes: try parse(&scanner, state: ParserState()))
    }

    private static func parse(_ parser: inout TemplateScanner, state: ParserState) throws -> [NativeNode] {
        var tokens: [NativeNode] = []
        var state = state
        var whiteSpaceBefore: Substring = ""
        while !parser.reachedEnd() {
            // At the start of a line, read its indentation.
            if state.newLine {
                let whiteSpace = parser.read(while: Self.blanks)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block override, the first line's indentation is dropped from every line.
                    if let partialDefinitionIndent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(partialDefinitionIndent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&parser, state: state)
            if parser.current().isNewline {
                tokens.append(.text(String(whiteSpaceBefore) + text + String(parser.current())))
                state.newLine = true
                parser.unsafeAdvance()
                continue
            }
            // A tag: the text before it is a token of its own.
            if text.count > 0 {
                tokens.append(.text(String(whiteSpaceBefore) + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if parser.reachedEnd() {
                break
            }
            var setNewLine = false
            switch parser.current() {
            case "#", "^":
                let inverted = parser.current() == "^"
                parser.unsafeAdvance()
                let (name, transforms) = try parseName(&parser, state: state)
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let section = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                let split = NativeName(name, transforms: transforms)
                tokens.append(inverted ? .invertedSection(split, section) : .section(split, section))

            case "/":
                parser.unsafeAdvance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw ParseError() }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                } else if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                return tokens

            case "!":
                parser.unsafeAdvance()
                _ = try parser.read(untilString: state.endDelimiter, throwOnOverflow: true, skipToEnd: true)
                setNewLine = isStandalone(&parser, state: state)

            case "{", "&":
                let triple = parser.current() == "{"
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                parser.unsafeAdvance()
                let (name, transforms) = try parseName(&parser, state: state)
                if triple {
                    guard try parser.read("}") else { throw ParseError() }
                }
                tokens.append(.variable(NativeName(name, transforms: transforms), escaped: false))

            case ">":
                parser.unsafeAdvance()
                parser.read(while: { $0.isWhitespace })
                var dynamic = false
                if parser.current() == "*" {
                    parser.unsafeAdvance()
                    dynamic = true
                }
                let name = try parsePartialName(&parser, state: state)
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                let indentation: String?
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                    indentation = String(whiteSpaceBefore)
                } else {
                    indentation = nil
                }
                tokens.append(dynamic ? .dynamicPartial : .partial(name, indentation: indentation, overrides: nil))
                whiteSpaceBefore = ""

            case "<":
                parser.unsafeAdvance()
                parser.read(while: { $0.isWhitespace })
                let sectionName = try parsePartialName(&parser, state: state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&parser, state: state) {
                    setNewLine = true
                }
                let section = try parse(&parser, state: state.withInheritancePartial(sectionName))
                var overrides: [String: [NativeNode]] = [:]
                for token in section {
                    switch token {
                    case .blockDefinition(let name, let nodes): overrides[name] = nodes
                    case .text: break
                    default: throw ParseError()
                    }
                }
                tokens.append(dynamic ? .dynamicPartial
                                      : .partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                parser.unsafeAdvance()
                let (name, transforms) = try parseName(&parser, state: state)
                guard transforms.isEmpty else { throw ParseError() }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let section = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name: name, section))
                } else {
                    if whiteSpaceBefore.count > 0 {
                        tokens.append(.text(String(whiteSpaceBefore)))
                    }
                    if isStandalone(&parser, state: state) {
                        setNewLine = true
                    }
                    let section = try parse(&parser, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name: name, default: section, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                parser.unsafeAdvance()
                state = try parseSetDelimiter(&parser, state: state)
                setNewLine = isStandalone(&parser, state: state)

            case "%":
                parser.unsafeAdvance()
                tokens.append(.contentType(try parseConfigVariable(&parser, state: state)))
                setNewLine = isStandalone(&parser, state: state)

            default:
                if whiteSpaceBefore.count > 0 {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(&parser, state: state)
                tokens.append(.variable(NativeName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw ParseError() }
        return tokens
    }

    /// Reads up to the start delimiter of a tag (which it consumes) or a line break (which it does not).
    private static func readUntilDelimiterOrNewline(_ parser: inout TemplateScanner, state: ParserState) throws -> String {
        guard let delimiterFirstChar = state.startDelimiter.first else { return "" }
        var totalText = ""
        while !parser.reachedEnd() {
            // swift-mustache looks each character up in a set of these three; comparing is cheaper.
            let text = try parser.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == delimiterFirstChar }, throwOnOverflow: false)
            totalText += text
            if parser.current().isNewline {
                break
            } else if parser.current() == delimiterFirstChar {
                if try parser.read(string: state.startDelimiter) {
                    break
                }
                totalText += String(delimiterFirstChar)
                parser.unsafeAdvance()
            }
        }
        return totalText
    }

    /// Reads a tag's name and the transforms around it, and the end delimiter.
    private static func parseName(_ parser: inout TemplateScanner, state: ParserState) throws -> (String, [String]) {
        parser.read(while: { $0.isWhitespace })
        let text = String(parser.read(while: Self.sectionNameChars))
        parser.read(while: { $0.isWhitespace })
        guard try parser.read(string: state.endDelimiter) else { throw ParseError() }

        // Brackets make a transform call: `first(items)`.
        var nameParser = TemplateScanner(text)
        let string = nameParser.read(while: Self.sectionNameCharsWithoutBrackets)
        if nameParser.reachedEnd() {
            return (text, [])
        }
        guard nameParser.current() == "(" else { throw ParseError() }
        nameParser.unsafeAdvance()
        var transforms = [string]
        while true {
            let name = nameParser.read(while: Self.sectionNameCharsWithoutBrackets)
            switch nameParser.current() {
            case ")":
                nameParser.unsafeAdvance()
                // One `)` for each transform.
                guard nameParser.read(while: ")") + 1 == transforms.count, nameParser.reachedEnd() else { throw ParseError() }
                return (String(name), transforms.map(String.init))
            case "(":
                nameParser.unsafeAdvance()
                transforms.append(name)
            default:
                throw ParseError()
            }
        }
    }

    /// Reads a partial's name and the end delimiter.
    private static func parsePartialName(_ parser: inout TemplateScanner, state: ParserState) throws -> String {
        parser.read(while: { $0.isWhitespace })
        let text = String(parser.read(while: Self.partialNameChars))
        parser.read(while: { $0.isWhitespace })
        guard try parser.read(string: state.endDelimiter) else { throw ParseError() }
        return text
    }

    /// Reads `{{=<% %>=}}` after its `=`.
    private static func parseSetDelimiter(_ parser: inout TemplateScanner, state: ParserState) throws -> ParserState {
        let startDelimiter: Substring
        let endDelimiter: Substring
        parser.read(while: { $0.isWhitespace })
        startDelimiter = try parser.read(until: { $0.isWhitespace })
        parser.read(while: { $0.isWhitespace })
        endDelimiter = try parser.read(until: { $0 == "=" || $0.isWhitespace })
        parser.read(while: { $0.isWhitespace })
        guard try parser.read("=") else { throw ParseError() }
        guard try parser.read(string: state.endDelimiter) else { throw ParseError() }
        guard startDelimiter.count > 0, endDelimiter.count > 0 else { throw ParseError() }
        return state.withDelimiters(start: String(startDelimiter), end: String(endDelimiter))
    }

    /// Reads `{{% CONTENT_TYPE: name }}` after its `%`.
    private static func parseConfigVariable(_ parser: inout TemplateScanner, state: ParserState) throws -> NativeContentType {
        parser.read(while: { $0.isWhitespace })
        let variable = parser.read(while: Self.sectionNameCharsWithoutBrackets)
        parser.read(while: { $0.isWhitespace })
        guard try parser.read(":") else { throw ParseError() }
        parser.read(while: { $0.isWhitespace })
        let value = parser.read(while: Self.sectionNameCharsWithoutBrackets)
        parser.read(while: { $0.isWhitespace })
        guard try parser.read(string: state.endDelimiter) else { throw ParseError() }
        guard variable == "CONTENT_TYPE", let contentType = NativeContentType(named: value) else { throw ParseError() }
        return contentType
    }

    /// Whether the rest of the line is blank; if so, reads it with its line break.
    private static func hasLineFinished(_ parser: inout TemplateScanner) -> Bool {
        var lookahead = parser
        if parser.reachedEnd() { return true }
        lookahead.read(while: Self.blanks)
        if lookahead.current().isNewline {
            lookahead.unsafeAdvance()
            parser.setPosition(lookahead.position)
            return true
        }
        return false
    }

    /// Whether the tag just read stands alone on its line (which then prints nothing).
    private static func isStandalone(_ parser: inout TemplateScanner, state: ParserState) -> Bool {
        state.newLine && hasLineFinished(&parser)
    }

    private static let blanks = Set<Character>(" \t")
    private static let sectionNameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
