#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: a small, fast generator, used to seed others and to derive independent streams.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the generator Monte Carlo simulations draw from. The same seed gives the same
/// numbers on every run; `stream` gives independent sequences for parallel chunks.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`, stream `stream` (each stream independent of the others).
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// The distributions an uncertain input can follow.
public enum Distribution: Sendable, Equatable {
    /// Triangular between `low` and `high` with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)
    /// Uniform between `low` and `high`.
    case uniform(low: Double, high: Double)
    /// Normal with `mean` and standard deviation `sd`.
    case normal(mean: Double, sd: Double)

    /// The distribution's mean.
    public var mean: Double {
        switch self {
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .uniform(let low, let high): return (low + high) / 2
        case .normal(let mean, _): return mean
        }
    }

    /// A draw from the distribution.
    public func sample(_ generator: inout Xoshiro256) -> Double {
        switch self {
        case .triangular(let low, let mode, let high):
            guard high > low else { return mode }
            let u = generator.nextUnit()
            let split = (mode - low) / (high - low)
            return u < split
                ? low + (u * (high - low) * (mode - low)).squareRoot()
                : high - ((1 - u) * (high - low) * (high - mode)).squareRoot()
        case .uniform(let low, let high):
            return low + generator.nextUnit() * (high - low)
        case .normal(let mean, let sd):
            // Box–Muller; 1 − u keeps the logarithm away from zero.
            let u1 = 1 - generator.nextUnit(), u2 = generator.nextUnit()
            return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
    }
}

/// Percentiles as Excel's `PERCENTILE.INC` computes them (linear between sorted values).
public enum Percentile {
    /// The `p`-th percentile (0…1) of values already sorted in ascending order.
    public static func of(sorted values: [Double], _ p: Double) -> Double {
        guard let first = values.first else { return .nan }
        guard values.count > 1 else { return first }
        let position = p * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
    }
}
