import ArgumentParser
import Dispatch

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

    /// Runs the command. The asynchronous commands other than `serve` run in a task while the
    /// main thread waits for it, rather than under Swift's asynchronous `main`, which hands the
    /// main thread to `dispatch_main` for good: Valgrind 3.19 (Debian 12) cannot run a program
    /// whose main thread does that, and `scripts/bench.sh` counts a build's instructions with
    /// callgrind. Nothing in those commands runs on the main actor. `serve` keeps the main
    /// queue running (`dispatchMain`), as its servers and signal handlers may expect.
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        guard let asyncCommand = command as? AsyncParsableCommand else {
            var command = command
            do { try command.run() } catch { exit(withError: error) }
            return
        }
        let outcome = CommandOutcome(asyncCommand)
        let running = Task.detached {
            do {
                try await outcome.command.run()
            } catch {
                outcome.failure = error
            }
            outcome.finished.signal()
        }
        if command is ServeCommand {
            Task.detached {
                await running.value
                if let failure = outcome.failure { exit(withError: failure) }
                exit()
            }
            dispatchMain()
        }
        outcome.finished.wait()
        if let failure = outcome.failure { exit(withError: failure) }
    }
}

/// The command handed to its task, and how the task ended, read by the main thread once
/// `finished` is signalled. `@unchecked Sendable` because only the task touches `command`, and
/// `failure` is written by the task before it signals and read by the main thread only after
/// `finished.wait()` returns: the semaphore orders the two.
private final class CommandOutcome: @unchecked Sendable {
    /// The command the task runs.
    var command: AsyncParsableCommand
    /// Signalled when the task has finished.
    let finished = DispatchSemaphore(value: 0)
    /// The error the command threw, if it did.
    var failure: Error?

    init(_ command: AsyncParsableCommand) { self.command = command }
}
