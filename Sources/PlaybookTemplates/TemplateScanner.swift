// Ported from swift-mustache (Sources/Mustache/Parser.swift), part of the Hummingbird server
// framework project. Copyright (c) the Hummingbird authors. Licensed under the Apache License,
// Version 2.0 (SPDX-License-Identifier: Apache-2.0); see
// https://github.com/hummingbird-project/swift-mustache/blob/main/LICENSE.txt.
// Changes: only what NativeTemplate's parser uses, without Foundation.

/// A cursor over a template's text, by `Character`, exactly as swift-mustache's parser reads
/// it (so that `\r\n` is one character and a combining mark stays with what it follows).
struct TemplateScanner {
    /// Thrown when a read runs past the end of the text.
    struct Overflow: Error {}

    /// The whole text.
    let buffer: String
    /// Where the next read starts.
    private(set) var position: String.Index

    /// A scanner at the start of `string`.
    init(_ string: String) {
        self.buffer = string
        self.position = string.startIndex
    }

    /// Whether the whole text has been read.
    func reachedEnd() -> Bool { position == buffer.endIndex }

    /// The character at the cursor, or `"\0"` at the end.
    func current() -> Character {
        reachedEnd() ? "\0" : buffer[position]
    }

    /// Moves past one character (the caller knows there is one).
    mutating func unsafeAdvance() { position = buffer.index(after: position) }

    /// Moves back one character (the caller knows there is one).
    mutating func unsafeRetreat() { position = buffer.index(before: position) }

    /// Moves the cursor to `position`.
    mutating func setPosition(_ position: String.Index) { self.position = position }

    /// Reads one character; throws at the end.
    mutating func character() throws -> Character {
        guard !reachedEnd() else { throw Overflow() }
        let character = buffer[position]
        unsafeAdvance()
        return character
    }

    /// Reads `expected` if it is next.
    mutating func read(_ expected: Character) throws -> Bool {
        let character = try character()
        guard character == expected else {
            unsafeRetreat()
            return false
        }
        return true
    }

    /// Reads `string` if it is next; throws when fewer characters than it has are left.
    mutating func read(string: String) throws -> Bool {
        let initial = position
        guard string.count > 0 else { return true }
        let read = try read(count: string.count)
        guard read == string else {
            position = initial
            return false
        }
        return true
    }

    /// Reads `count` characters; throws when fewer are left.
    mutating func read(count: Int) throws -> Substring {
        // Measured up to `count` characters only (swift-mustache measures all that is left).
        guard let end = buffer.index(position, offsetBy: count, limitedBy: buffer.endIndex) else { throw Overflow() }
        let read = buffer[position..<end]
        position = end
        return read
    }

    /// Reads up to `until`.
    mutating func read(until: String.Index) -> Substring {
        let read = buffer[position..<until]
        position = until
        return read
    }

    /// Reads up to the first occurrence of `untilString`, then past it when `skipToEnd`.
    @discardableResult
    mutating func read(untilString: String, throwOnOverflow: Bool = true, skipToEnd: Bool = false) throws -> Substring {
        guard untilString.count > 0 else { return "" }
        let startIndex = position
        var foundIndex = position
        var untilIndex = untilString.startIndex
        while !reachedEnd() {
            if buffer[position] == untilString[untilIndex] {
                if untilIndex == untilString.startIndex {
                    foundIndex = position
                }
                untilIndex = untilString.index(after: untilIndex)
                if untilIndex == untilString.endIndex {
                    unsafeAdvance()
                    if skipToEnd == false {
                        position = foundIndex
                    }
                    return buffer[startIndex..<foundIndex]
                }
            } else {
                untilIndex = untilString.startIndex
            }
            unsafeAdvance()
        }
        return try notFound(from: startIndex, throwOnOverflow: throwOnOverflow)
    }

    /// Reads up to the first character in `characterSet`.
    @discardableResult
    mutating func read(until characterSet: Set<Character>, throwOnOverflow: Bool = true) throws -> Substring {
        try read(until: { characterSet.contains($0) }, throwOnOverflow: throwOnOverflow)
    }

    /// Reads up to the first character for which `stop` holds.
    @discardableResult
    mutating func read(until stop: (Character) -> Bool, throwOnOverflow: Bool = true) throws -> Substring {
        let startIndex = position
        while !reachedEnd() {
            if stop(current()) {
                return buffer[startIndex..<position]
            }
            unsafeAdvance()
        }
        return try notFound(from: startIndex, throwOnOverflow: throwOnOverflow)
    }

    /// The end of a read that reached the end of the text without finding what it looked for:
    /// `Overflow`, with the position back at `start`, when `throwOnOverflow`; else the rest.
    private mutating func notFound(from start: String.Index, throwOnOverflow: Bool) throws -> Substring {
        if throwOnOverflow {
            position = start
            throw Overflow()
        }
        return buffer[start..<position]
    }

    /// Reads a run of `character`, returning its length.
    @discardableResult
    mutating func read(while character: Character) -> Int {
        var count = 0
        while !reachedEnd(), buffer[position] == character {
            unsafeAdvance()
            count += 1
        }
        return count
    }

    /// Reads while `keep` holds.
    @discardableResult
    mutating func read(while keep: (Character) -> Bool) -> Substring {
        let startIndex = position
        while !reachedEnd(), keep(buffer[position]) {
            unsafeAdvance()
        }
        return buffer[startIndex..<position]
    }

    /// Reads while the characters are in `characterSet`.
    @discardableResult
    mutating func read(while characterSet: Set<Character>) -> Substring {
        let startIndex = position
        while !reachedEnd(), characterSet.contains(buffer[position]) {
            unsafeAdvance()
        }
        return buffer[startIndex..<position]
    }
}
