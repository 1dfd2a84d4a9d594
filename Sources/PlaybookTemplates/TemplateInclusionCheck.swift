import PlaybookCore

/// Checks how a project's templates include one another, before any is handed to
/// swift-mustache: a `{{> name}}` or `{{< name}}` naming no template, templates that include
/// one another in a loop (reported whole, once per loop), and sections nested more than
/// ``TemplateStructure/maximumDepth`` deep, counting the sections of included templates.
///
/// The walks are iterative, so that thousands of templates cannot exhaust the stack either.
struct TemplateInclusionCheck {
    /// The mistakes found.
    private(set) var diagnostics: [Diagnostic] = []
    /// The templates that must not be parsed or rendered: those on a loop or nested too deeply.
    private(set) var refused: Set<String> = []

    /// Checks the templates `sources`, by name.
    init(sources: [String: SourceFile]) {
        let names = sources.keys.sorted()
        var structures: [String: TemplateStructure] = [:]
        for name in names { if let file = sources[name] { structures[name] = TemplateStructure(file) } }
        let known = Set(names)

        // Tags that name no template, and sections nested too deeply within one template.
        for name in names {
            guard let structure = structures[name] else { continue }
            for inclusion in structure.inclusions where !inclusion.name.isEmpty && !known.contains(inclusion.name) {
                diagnostics.append(.error(.unknownPartial, "there is no template '\(inclusion.name)' for this tag",
                                          at: inclusion.location,
                                          hint: NearestName.hint(for: inclusion.name, among: known)
                                            ?? "templates are the .mustache files in templates/, named by their path without .mustache"))
            }
            if let tooDeep = structure.tooDeep {
                diagnostics.append(Self.tooDeep(at: tooDeep))
                refused.insert(name)
            }
        }

        // The templates each one includes (known ones only), in reading order.
        var successors: [String: [String]] = [:]
        for name in names {
            var seen: Set<String> = []
            successors[name] = (structures[name]?.inclusions ?? []).map(\.name)
                .filter { known.contains($0) && seen.insert($0).inserted }
        }

        // Templates that include nothing come first; every template whose includes are all
        // placed follows. What is left leads into a loop (Kahn's algorithm, on the included side).
        var waiting: [String: Int] = [:]
        var includedBy: [String: [String]] = [:]
        for name in names {
            waiting[name] = successors[name]?.count ?? 0
            for next in successors[name] ?? [] { includedBy[next, default: []].append(name) }
        }
        var order = names.filter { waiting[$0] == 0 }
        var position = 0
        while position < order.count {
            for including in includedBy[order[position]] ?? [] {
                waiting[including, default: 0] -= 1
                if waiting[including] == 0 { order.append(including) }
            }
            position += 1
        }
        let acyclic = Set(order)
        let remaining = names.filter { !acyclic.contains($0) }
        reportLoops(among: remaining, successors: successors, structures: structures)

        // The depth of each template with what it includes, included templates first.
        var totalDepth: [String: Int] = [:]
        for name in order {
            guard let structure = structures[name], !refused.contains(name) else { continue }
            var depth = structure.depth
            var crossed: SourceLocation?
            for inclusion in structure.inclusions {
                guard let included = totalDepth[inclusion.name] else { continue }
                // The including tag counts as one level (swift-mustache renders it by recursion).
                let through = inclusion.depth + 1 + included
                if through > TemplateStructure.maximumDepth {
                    crossed = crossed ?? inclusion.location
                } else {
                    depth = max(depth, through)
                }
            }
            if let crossed {
                diagnostics.append(Self.tooDeep(at: crossed, through: true))
                refused.insert(name)
            } else {
                totalDepth[name] = depth
            }
        }
    }

    private static func tooDeep(at location: SourceLocation, through: Bool = false) -> Diagnostic {
        .error(.templateTooDeep,
               through ? "sections nest more than \(TemplateStructure.maximumDepth) deep through the templates this tag includes"
                       : "sections nest more than \(TemplateStructure.maximumDepth) deep here",
               at: location, hint: "split the template, or nest fewer sections")
    }

    /// Reports each loop among `remaining` (the templates that lead into one) once: the
    /// shortest loop through its first template by name, with a note at every tag on it.
    private mutating func reportLoops(among remaining: [String], successors: [String: [String]],
                                      structures: [String: TemplateStructure]) {
        let inside = Set(remaining)
        var handled: Set<String> = []
        func reach(from start: String, along edges: [String: [String]]) -> [String: String] {
            // Breadth first; the value is the template through which each one was reached.
            var parent: [String: String] = [:]
            var queue = [start]
            var index = 0
            while index < queue.count {
                let current = queue[index]
                index += 1
                for next in edges[current] ?? [] where inside.contains(next) && parent[next] == nil {
                    parent[next] = current
                    queue.append(next)
                }
            }
            return parent
        }
        var predecessors: [String: [String]] = [:]
        for name in remaining { for next in successors[name] ?? [] { predecessors[next, default: []].append(name) } }
        for start in remaining where !handled.contains(start) {
            let forward = reach(from: start, along: successors)
            guard forward[start] != nil else { continue }  // leads into a loop without being on one
            let backward = reach(from: start, along: predecessors)
            let members = Set(forward.keys).intersection(backward.keys)
            handled.formUnion(members)
            refused.formUnion(members)
            // The loop: walk back from `start` through the breadth-first parents.
            var loop = [start]
            var current = forward[start] ?? start
            while current != start, loop.count <= forward.count {
                loop.append(current)
                current = forward[current] ?? start
            }
            loop.append(start)
            loop = loop.reversed()
            // Now loop[0] == start and each template includes the next one.
            func tag(from name: String, to next: String) -> SourceLocation? {
                structures[name]?.inclusions.first { $0.name == next }?.location
            }
            let path = loop.joined(separator: " → ")
            let message = loop.count == 2 ? "this template includes itself: \(path)"
                                          : "these templates include one another in a loop: \(path)"
            var notes: [Diagnostic.Note] = []
            for step in 1..<(loop.count - 1) {
                notes.append(.init("'\(loop[step])' includes '\(loop[step + 1])' here", at: tag(from: loop[step], to: loop[step + 1])))
            }
            diagnostics.append(.error(.templateLoop, message, at: tag(from: loop[0], to: loop[1]),
                                      hint: "a template cannot include itself, directly or through others; rendering it would never end",
                                      notes: notes))
        }
    }
}
