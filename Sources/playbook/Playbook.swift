import ArgumentParser

/// The `playbook` command: Markdown playbook content in, HTML site and EPUB 3 books out.
@main
struct Playbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook",
        abstract: "Turn Markdown playbook chapters and client scenarios into an HTML site, EPUB 3 books and client ROI reports.",
        discussion: "Run it in a project folder (one with playbook.yaml), or name one with --project.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, ReportCommand.self, CheckCommand.self, CalcCommand.self, NewCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    static func main() async {
        MemoryTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
