#if canImport(Glibc)
import Glibc

/// glibc's allocator grows and trims its heaps in small steps by default, which costs a
/// system call (brk or mprotect) every few hundred kilobytes while a build allocates its
/// pages. Asking it to grow in larger steps and to keep freed memory makes large builds
/// faster (see scripts/bench.sh) without changing peak memory much. `mallopt` is looked up
/// at run time because Swift's Glibc module does not export malloc.h.
enum MemoryTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
    private static let topPad: Int32 = -2  // M_TOP_PAD
    private static let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD

    static func apply() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(topPad, 32 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(mmapThreshold, 4 << 20)
    }
}
#else
enum MemoryTuning {
    static func apply() {}
}
#endif
