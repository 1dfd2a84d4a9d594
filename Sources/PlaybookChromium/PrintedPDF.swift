import Foundation

/// A PDF as Chromium's Skia writes it (one cross-reference table, no object streams), read for
/// what a second printing pass needs: on which page each named destination (an element id that
/// a link on the page targets) lies, and with its creation and modification dates set so that
/// printing the same page again gives the same bytes.
package struct PrintedPDF: Sendable {
    /// The file's bytes.
    package private(set) var bytes: [UInt8]

    /// Reads `data`.
    package init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// The file, as data.
    package var data: Data { Data(bytes) }

    /// Why a printed PDF could not be read.
    package struct Unreadable: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was missing or malformed.
        package var reason: String
        /// The reason.
        package var description: String { reason }
    }

    // MARK: - Pages of destinations

    /// The 1-based page number of each named destination (`/Dests` in the catalogue, or the
    /// `/Names /Dests` name tree).
    package func destinationPages() throws(Unreadable) -> [String: Int] {
        let objects = try crossReference()
        let trailer = try self.trailer()
        guard case .reference(let rootNumber)? = trailer["Root"], case .dictionary(let catalog) = try object(rootNumber, in: objects) else {
            throw Unreadable(reason: "the PDF has no catalogue")
        }
        // Pages in order: the page tree walked depth first.
        var pageNumbers: [Int: Int] = [:]
        var visiting: Set<Int> = []
        func walk(_ value: PDFValue?) throws(Unreadable) {
            guard case .reference(let number)? = value, visiting.insert(number).inserted else { return }
            guard case .dictionary(let node) = try object(number, in: objects) else { return }
            if case .array(let kids)? = node["Kids"] {
                for kid in kids { try walk(kid) }
            } else {
                pageNumbers[number] = pageNumbers.count + 1
            }
        }
        try walk(catalog["Pages"])

        var destinations: [String: Int] = [:]
        func add(_ name: String, _ value: PDFValue) throws(Unreadable) {
            var target = try resolve(value, in: objects)
            if case .dictionary(let entry) = target, let inner = entry["D"] { target = try resolve(inner, in: objects) }
            if case .array(let items) = target, case .reference(let page)? = items.first, let number = pageNumbers[page] {
                destinations[name] = number
            }
        }
        if case .dictionary(let names)? = try catalog["Dests"].map({ value throws(Unreadable) in try resolve(value, in: objects) }) {
            for (name, value) in names { try add(name, value) }
        }
        // The PDF 1.2 form: a name tree of strings.
        var seen: Set<Int> = []
        func tree(_ value: PDFValue?) throws(Unreadable) {
            guard let value else { return }
            if case .reference(let number) = value, !seen.insert(number).inserted { return }
            guard case .dictionary(let node) = try resolve(value, in: objects) else { return }
            if case .array(let pairs)? = node["Names"] {
                var index = 0
                while index + 1 < pairs.count {
                    if case .string(let name) = pairs[index] { try add(name, pairs[index + 1]) }
                    index += 2
                }
            }
            if case .array(let kids)? = node["Kids"] { for kid in kids { try tree(kid) } }
        }
        if case .dictionary(let names)? = try catalog["Names"].map({ value throws(Unreadable) in try resolve(value, in: objects) }) {
            try tree(names["Dests"])
        }
        return destinations
    }

    // MARK: - Dates

    /// Sets `/CreationDate` and `/ModDate` of the document information to `date`
    /// (`D:YYYYMMDDHHmmSS+00'00'`, UTC). The new dates take exactly the room of the old ones, so
    /// no offset in the file moves; a date that is not in that form is an error.
    package mutating func setDates(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) throws(Unreadable) {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let stamp = "D:" + pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + "+00'00'"
        for key in ["/CreationDate", "/ModDate"] {
            var found = false
            var from = 0
            while let start = find(Array((key + " (").utf8), from: from) {
                let open = start + key.utf8.count + 1
                guard let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
                let old = close - open - 1
                guard old == stamp.utf8.count else {
                    throw Unreadable(reason: "\(key) is not a date of the form D:YYYYMMDDHHmmSS+00'00'")
                }
                bytes.replaceSubrange((open + 1)..<close, with: Array(stamp.utf8))
                found = true
                from = close
            }
            guard found else { throw Unreadable(reason: "the PDF has no \(key)") }
        }
    }

    // MARK: - Structure element ids

    /// Renumbers the ids Chromium gives structure elements (`(node00000177)`, the ids of DOM
    /// nodes, counted across everything the renderer drew before, so they differ between two
    /// printings of the same page) by their rank: 1 for the smallest, and so on. The order is
    /// kept (the `/IDTree` stays sorted), and a rank never has more digits than the id it
    /// replaces, so it is written in the same room and no offset in the file moves.
    package mutating func renumberElementIDs() {
        let prefix = Array("(node".utf8)
        var found: [(start: Int, end: Int, value: Int)] = []
        var index = 0
        let count = bytes.count
        while index + prefix.count < count {
            guard bytes[index] == prefix[0], bytes[(index + 1)..<(index + prefix.count)].elementsEqual(prefix.dropFirst()) else {
                index += 1
                continue
            }
            let digits = index + prefix.count
            var end = digits
            var value = 0
            while end < count, bytes[end] >= 48, bytes[end] <= 57, end - digits < 18 {
                value = value * 10 + Int(bytes[end] - 48)
                end += 1
            }
            if end > digits, end < count, bytes[end] == UInt8(ascii: ")") { found.append((digits, end, value)) }
            index = end
        }
        let ranks = Dictionary(uniqueKeysWithValues: Set(found.map(\.value)).sorted().enumerated().map { ($1, $0 + 1) })
        for id in found {
            let width = id.end - id.start
            let digits = Array(String(ranks[id.value] ?? id.value).utf8)
            guard digits.count <= width else { continue }
            bytes.replaceSubrange(id.start..<id.end, with: Array(repeating: UInt8(ascii: "0"), count: width - digits.count) + digits)
        }
    }

    // MARK: - Reading objects

    /// A PDF value, as far as this reader needs them (streams are not read).
    indirect enum PDFValue: Equatable, Sendable {
        case dictionary([String: PDFValue])
        case array([PDFValue])
        case name(String)
        case string(String)
        case number(Double)
        case reference(Int)
        case other
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    private func findLast(_ needle: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }

    /// The offset of each object, from the cross-reference table `startxref` points at.
    private func crossReference() throws(Unreadable) -> [Int: Int] {
        guard let start = findLast(Array("startxref".utf8)) else { throw Unreadable(reason: "the PDF has no startxref") }
        var parser = Parser(bytes: bytes, position: start + 9)
        guard case .number(let offset)? = parser.value(), Int(offset) >= 0, Int(offset) < bytes.count else {
            throw Unreadable(reason: "startxref points nowhere")
        }
        parser.position = Int(offset)
        guard parser.keyword() == "xref" else { throw Unreadable(reason: "the PDF's cross-reference table is not a table (object streams are not read)") }
        var offsets: [Int: Int] = [:]
        while true {
            let mark = parser.position
            guard case .number(let first)? = parser.value(), case .number(let count)? = parser.value() else {
                parser.position = mark
                break
            }
            for number in Int(first)..<(Int(first) + Int(count)) {
                guard case .number(let at)? = parser.value(), case .number? = parser.value() else { throw Unreadable(reason: "a cross-reference entry is malformed") }
                let kind = parser.keyword()
                if kind == "n" { offsets[number] = Int(at) }
            }
        }
        return offsets
    }

    private func trailer() throws(Unreadable) -> [String: PDFValue] {
        guard let start = findLast(Array("trailer".utf8)) else { throw Unreadable(reason: "the PDF has no trailer") }
        var parser = Parser(bytes: bytes, position: start + 7)
        guard case .dictionary(let trailer)? = parser.value() else { throw Unreadable(reason: "the PDF's trailer is not a dictionary") }
        return trailer
    }

    private func object(_ number: Int, in objects: [Int: Int]) throws(Unreadable) -> PDFValue {
        guard let offset = objects[number] else { throw Unreadable(reason: "object \(number) is not in the cross-reference table") }
        var parser = Parser(bytes: bytes, position: offset)
        guard case .number? = parser.value(), case .number? = parser.value(), parser.keyword() == "obj", let value = parser.value() else {
            throw Unreadable(reason: "object \(number) is malformed")
        }
        return value
    }

    private func resolve(_ value: PDFValue, in objects: [Int: Int]) throws(Unreadable) -> PDFValue {
        if case .reference(let number) = value { return try object(number, in: objects) }
        return value
    }

    /// Reads PDF values from bytes.
    struct Parser {
        let bytes: [UInt8]
        var position: Int

        private static func isWhite(_ byte: UInt8) -> Bool { byte == 0 || byte == 9 || byte == 10 || byte == 12 || byte == 13 || byte == 32 }
        private static func isDelimiter(_ byte: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(byte) }

        mutating func skipWhite() {
            while position < bytes.count {
                if Self.isWhite(bytes[position]) {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "%") {
                    while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
                } else {
                    break
                }
            }
        }

        /// A bare word (`obj`, `xref`, `n`, `true`…).
        mutating func keyword() -> String {
            skipWhite()
            let start = position
            while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func value() -> PDFValue? {
            skipWhite()
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "<"):
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                    position += 2
                    var entries: [String: PDFValue] = [:]
                    while true {
                        skipWhite()
                        guard position < bytes.count else { return nil }
                        if bytes[position] == UInt8(ascii: ">") {
                            position += 2
                            return .dictionary(entries)
                        }
                        guard case .name(let key)? = value(), let entry = value() else { return nil }
                        entries[key] = entry
                    }
                }
                position += 1
                var hex: [UInt8] = []
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                    if !Self.isWhite(bytes[position]) { hex.append(bytes[position]) }
                    position += 1
                }
                position += 1
                if hex.count % 2 == 1 { hex.append(UInt8(ascii: "0")) }
                var raw: [UInt8] = []
                var index = 0
                while index + 1 < hex.count {
                    guard let value = UInt8(String(decoding: hex[index...(index + 1)], as: UTF8.self), radix: 16) else { return nil }
                    raw.append(value)
                    index += 2
                }
                return .string(Self.text(raw))
            case UInt8(ascii: "["):
                position += 1
                var items: [PDFValue] = []
                while true {
                    skipWhite()
                    guard position < bytes.count else { return nil }
                    if bytes[position] == UInt8(ascii: "]") {
                        position += 1
                        return .array(items)
                    }
                    guard let item = value() else { return nil }
                    items.append(item)
                }
            case UInt8(ascii: "/"):
                position += 1
                var raw: [UInt8] = []
                while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) {
                    if bytes[position] == UInt8(ascii: "#"), position + 2 < bytes.count,
                       let code = UInt8(String(decoding: bytes[(position + 1)...(position + 2)], as: UTF8.self), radix: 16) {
                        raw.append(code)
                        position += 3
                    } else {
                        raw.append(bytes[position])
                        position += 1
                    }
                }
                return .name(String(decoding: raw, as: UTF8.self))
            case UInt8(ascii: "("):
                position += 1
                var raw: [UInt8] = []
                var depth = 1
                while position < bytes.count {
                    let byte = bytes[position]
                    position += 1
                    if byte == UInt8(ascii: "\\"), position < bytes.count {
                        let escaped = bytes[position]
                        position += 1
                        switch escaped {
                        case UInt8(ascii: "n"): raw.append(10)
                        case UInt8(ascii: "r"): raw.append(13)
                        case UInt8(ascii: "t"): raw.append(9)
                        case UInt8(ascii: "b"): raw.append(8)
                        case UInt8(ascii: "f"): raw.append(12)
                        case UInt8(ascii: "0")...UInt8(ascii: "7"):
                            var code = Int(escaped - 48)
                            var digits = 1
                            while digits < 3, position < bytes.count, (48...55).contains(bytes[position]) {
                                code = code * 8 + Int(bytes[position] - 48)
                                position += 1
                                digits += 1
                            }
                            raw.append(UInt8(truncatingIfNeeded: code))
                        case 10, 13: break
                        default: raw.append(escaped)
                        }
                        continue
                    }
                    if byte == UInt8(ascii: "(") { depth += 1 }
                    if byte == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { return .string(Self.text(raw)) }
                    }
                    raw.append(byte)
                }
                return nil
            default:
                let mark = position
                let word = keyword()
                guard let number = Double(word) else { return word.isEmpty ? nil : .other }
                // `N G R` is a reference.
                let afterNumber = position
                let generation = keyword()
                if Int(generation) != nil, keyword() == "R", Int(word) != nil { return .reference(Int(number)) }
                position = afterNumber
                _ = mark
                return .number(number)
            }
        }

        /// A PDF text string: UTF-16BE with its byte order mark, else PDFDocEncoding (read as Latin-1).
        static func text(_ raw: [UInt8]) -> String {
            if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
                var units: [UInt16] = []
                var index = 2
                while index + 1 < raw.count {
                    units.append(UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
                    index += 2
                }
                return String(decoding: units, as: UTF16.self)
            }
            return String(raw.map { Character(Unicode.Scalar($0)) })
        }
    }
}
