import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookServe

/// `playbook serve`: the preview server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilt and reloaded as you save.",
        discussion: """
        Builds the project into a temporary preview folder (never over build/), serves it, and \
        watches every file a build reads: chapters, book.yaml and playbook.yaml, scenarios and \
        their data, templates and the site's files. Each save rebuilds what it affects; open \
        pages reload keeping their scroll position. A failed build keeps the last good site \
        served and shows the diagnostics over the page and here. On loopback (the default) \
        the server answers only requests for localhost, 127.0.0.1, [::1] and --host, so that \
        no other site can read the preview. Ctrl-C stops the server.
        """
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: ArgumentHelp("The address to listen on. Anything but loopback shows the preview to your network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let configuration = PreviewServer.Configuration(projectRoot: options.root, host: host, port: port,
                                                        includeDrafts: options.includeDrafts)
        let server = PreviewServer(configuration: configuration, report: ServeTerminal.show)
        let open = self.open
        do {
            try await server.run { url in
                if open { ServeTerminal.openBrowser(url + "site/") }
            }
        } catch {
            Terminal.writeError("error: the preview server could not start: \(error)\n")
            throw ExitCode.failure
        }
    }
}

/// What `playbook serve` prints.
enum ServeTerminal {
    @Sendable static func show(_ message: PreviewMessage) {
        switch message {
        case .listening(let url, let folder, let exposed):
            print("Serving the preview at \(url)site/ (built into \(folder))")
            print("Watching the project for changes; Ctrl-C stops.")
            if exposed {
                Terminal.writeError("warning: the preview is served on a network address: anyone who can reach this machine can read it\n")
            }
        case .built(let changed, let milliseconds, let written, let diagnostics, let timings):
            Terminal.printDiagnostics(diagnostics)
            if ProcessInfo.processInfo.environment["PLAYBOOK_TIMINGS"] != nil {
                Terminal.writeError(timings.joined(separator: "\n") + "\n")
            }
            if changed.isEmpty {
                print("Built in \(milliseconds) ms")
            } else {
                print("Rebuilt after \(describe(changed)) in \(milliseconds) ms: \(written) file\(written == 1 ? "" : "s") updated")
            }
        case .failed(let changed, let diagnostics):
            Terminal.printDiagnostics(diagnostics)
            let after = changed.isEmpty ? "" : " after \(describe(changed))"
            Terminal.writeError("Build failed\(after): the preview keeps the last good build\n")
        case .stopped:
            print("Stopped.")
        }
        fflush(nil)
    }

    static func describe(_ paths: [String]) -> String {
        paths.count == 1 ? paths[0] : "\(paths[0]) and \(paths.count - 1) other file\(paths.count == 2 ? "" : "s")"
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
