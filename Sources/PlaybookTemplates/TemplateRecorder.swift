import Foundation
import PlaybookCore

/// What a ``TemplateLibrary`` was asked to render, in order: a test hook, so that tests can
/// render the values of a real build with both engines.
///
/// `@unchecked Sendable`: `calls` is only read and written while holding `lock`.
package final class TemplateRecorder: @unchecked Sendable {
    /// One ``TemplateLibrary/render(_:_:)``.
    package struct Call: Sendable {
        /// The library asked.
        package let library: TemplateLibrary
        /// The template's name.
        package let name: String
        /// The value it was rendered with.
        package let value: TemplateValue
    }

    private let lock = NSLock()
    private var recorded: [Call] = []

    /// An empty recorder.
    package init() {}

    /// The calls so far.
    package var calls: [Call] {
        lock.withLock { recorded }
    }

    func record(_ library: TemplateLibrary, _ name: String, _ value: TemplateValue) {
        lock.withLock { recorded.append(Call(library: library, name: name, value: value)) }
    }
}
