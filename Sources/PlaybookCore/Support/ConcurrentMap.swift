import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. Work is split into a few chunks
    /// per core so that one slow element does not leave a core idle.
    package func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let cores = Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1)
        guard count > 1, cores > 1 else { return map(transform) }
        let chunkCount = Swift.min(count, cores * 16)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let slice = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements with an asynchronous transform, at most `width` at a time (by default
    /// two per core), keeping their order. For long jobs that are themselves parallel inside,
    /// such as one client's report: a few run at once, and the rest wait their turn instead of
    /// all holding their memory half-way.
    package func concurrentMapAsync<Result: Sendable>(width: Int? = nil, _ transform: @escaping @Sendable (Element) async -> Result) async -> [Result] {
        let limit = Swift.max(width ?? ProcessInfo.processInfo.activeProcessorCount * 2, 1)
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results: [Result?] = Array<Result?>(repeating: nil, count: count)
            var next = 0
            while next < Swift.min(limit, count) {
                let index = next, element = self[index]
                group.addTask { (index, await transform(element)) }
                next += 1
            }
            for await (index, result) in group {
                results[index] = result
                if next < count {
                    let index = next, element = self[index]
                    group.addTask { (index, await transform(element)) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order, like `concurrentMap`, but hands
    /// each chunk of elements over to the task that maps it and keeps none: an element is freed
    /// as soon as its chunk is mapped (unless something else holds it), so that a stage's input
    /// and output are not both held whole. The array is left empty.
    package mutating func concurrentMapConsuming<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let cores = Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1)
        guard count > 1, cores > 1 else {
            var results: [Result] = []
            results.reserveCapacity(count)
            reverse()
            while let element = popLast() { results.append(transform(element)) }
            return results
        }
        let chunkCount = Swift.min(count, cores * 16)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        var chunks: [[Element]] = stride(from: 0, to: count, by: chunkSize).map { Array(self[$0..<Swift.min($0 + chunkSize, count)]) }
        removeAll()
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            // Each chunk leaves `chunks` as its task takes it.
            while let chunk = chunks.popLast() {
                let index = chunks.count
                group.addTask { (index, chunk.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
