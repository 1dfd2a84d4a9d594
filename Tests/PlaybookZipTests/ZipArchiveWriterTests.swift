import Foundation
import PlaybookZip
import Testing

/// Archives written with zlib, read back by an outside reader (Python's `zipfile`, which checks
/// every CRC-32) and by ``ZipArchiveWriter/entries(of:)``.
@Suite struct ZipArchiveWriterTests {
    static let date = Date(timeIntervalSince1970: 1_767_225_600)

    /// Stored, deflated, empty (asked deflated), a non-ASCII name and a 3 MB entry.
    static func sample() -> [ZipEntry] {
        // 3 MB of text that compresses, with a pseudo-random byte stream mixed in so that
        // deflate also emits literals and stored-like blocks.
        var big = [UInt8]()
        big.reserveCapacity(3 << 20)
        var state: UInt32 = 2_463_534_242
        while big.count < 3 << 20 {
            big.append(contentsOf: "<p>Chapter \(big.count % 977): the customer lifecycle, measured.</p>\n".utf8)
            for _ in 0..<16 {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                big.append(UInt8(truncatingIfNeeded: state))
            }
        }
        return [
            ZipEntry(path: "mimetype", bytes: Data("application/epub+zip".utf8), compressed: false),
            ZipEntry(path: "META-INF/container.xml", bytes: Data(String(repeating: "<x/>", count: 100).utf8), compressed: true),
            ZipEntry(path: "OEBPS/empty.css", bytes: Data(), compressed: true),
            ZipEntry(path: "OEBPS/Ölçüm ve 社交 — ROI.xhtml", bytes: Data("<p>Müşteri</p>".utf8), compressed: true),
            ZipEntry(path: "OEBPS/big.bin", bytes: Data(big), compressed: true),
            ZipEntry(path: "OEBPS/stored.txt", bytes: Data("kept as is\n".utf8), compressed: false),
        ]
    }

    @Test func anOutsideReaderReadsEveryEntryBack() throws {
        let entries = Self.sample()
        let archive = try ZipArchiveWriter.archive(entries, modified: Self.date)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("archive.zip")
        try archive.write(to: file)
        // The original bytes, entry by entry, to compare with what Python reads.
        for (index, entry) in entries.enumerated() { try entry.bytes.write(to: folder.appendingPathComponent("\(index)")) }
        // testzip() reads every entry and checks its CRC-32; then each entry's name, method,
        // size, whether its bytes are the original's, UTF-8 flag and date, in archive order.
        let script = """
        import os, sys, zipfile
        z = zipfile.ZipFile(os.path.join(sys.argv[1], 'archive.zip'))
        print(z.testzip())
        for n, i in enumerate(z.infolist()):
            same = z.read(i) == open(os.path.join(sys.argv[1], str(n)), 'rb').read()
            print(i.filename, i.compress_type, i.file_size, same, i.flag_bits & 0x800, i.date_time, sep='|')
        """
        let output = try Self.run(["python3", "-c", script, folder.path])
        let expected = ["None"] + entries.map { entry in
            let method = entry.compressed && !entry.bytes.isEmpty ? 8 : 0
            let utf8 = entry.path.utf8.contains { $0 >= 0x80 } ? 0x800 : 0
            return "\(entry.path)|\(method)|\(entry.bytes.count)|True|\(utf8)|(2026, 1, 1, 0, 0, 0)"
        }
        #expect(output.split(separator: "\n").map(String.init) == expected)
    }

    @Test func theReaderGivesBackWhatWasWritten() throws {
        let entries = Self.sample()
        let read = try ZipArchiveWriter.entries(of: try ZipArchiveWriter.archive(entries, modified: Self.date))
        #expect(read.map(\.path) == entries.map(\.path))
        #expect(read.map(\.compressed) == [false, true, false, true, true, false])
        #expect(read.map(\.bytes) == entries.map(\.bytes))
    }

    @Test func theSameEntriesGiveTheSameBytes() throws {
        let first = try ZipArchiveWriter.archive(Self.sample(), modified: Self.date)
        let second = try ZipArchiveWriter.archive(Self.sample(), modified: Self.date)
        #expect(first == second)
        // Compressed one by one and assembled gives the same archive.
        let assembled = ZipArchiveWriter.assemble(try Self.sample().map(ZipArchiveWriter.compress), modified: Self.date)
        #expect(Data(assembled) == first)
        // Deflate did compress: the 3 MB entry is far smaller in the archive.
        #expect(first.count < 2 << 20)
    }

    @Test func storedEntriesKeepTheirBytesAndTheMimetypeComesFirst() throws {
        let archive = try ZipArchiveWriter.archive(Self.sample(), modified: Self.date)
        #expect(String(decoding: archive[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: archive[38..<58], as: UTF8.self) == "application/epub+zip")
        let empty = try ZipArchiveWriter.compress(ZipEntry(path: "e", bytes: Data(), compressed: true))
        #expect(empty.path == "e" && empty.checksum == 0 && empty.size == 0 && empty.method == 0 && empty.data.isEmpty)
        // CRC-32 of "123456789" is the check value 0xCBF43926.
        let check = try ZipArchiveWriter.compress(ZipEntry(path: "c", bytes: Data("123456789".utf8), compressed: false))
        #expect(check.checksum == 0xCBF4_3926)
    }

    @Test func aDamagedArchiveIsRefusedWithTheEntryNamed() throws {
        var archive = try ZipArchiveWriter.archive(Array(Self.sample().prefix(2)), modified: Self.date)
        // Flip a byte of container.xml's deflated data (after mimetype: 30 + 8 + 20, then 30 + 22).
        archive[58 + 30 + 22 + 2] ^= 0xFF
        #expect(throws: (any Error).self) { try ZipArchiveWriter.entries(of: archive) }
        do {
            _ = try ZipArchiveWriter.entries(of: archive)
        } catch {
            #expect("\(error)".hasPrefix("META-INF/container.xml: "))
        }
        #expect("\(try #require(throws: ZipReadError.self) { try ZipArchiveWriter.entries(of: Data("not a zip".utf8)) })"
                == "not a zip archive (no end of central directory)")
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments.prefix(2)) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
