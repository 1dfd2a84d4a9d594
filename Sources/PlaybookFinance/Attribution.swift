/// Multi-touch attribution: how the value of a conversion is shared between the channels
/// that initiated, assisted and completed it.
public enum Attribution {
    /// The models, as analysts name them.
    public enum Model: String, CaseIterable, Sendable {
        /// All credit to the first touch.
        case firstTouch = "first-touch"
        /// All credit to the last touch.
        case lastTouch = "last-touch"
        /// Equal credit to every touch.
        case linear
        /// Credit halving every `halfLife` before the conversion.
        case timeDecay = "time-decay"
        /// 40% to the first touch, 40% to the last, 20% shared by those between.
        case positionBased = "position-based"
    }

    /// One touchpoint of a conversion path: a channel and how long before the conversion it happened.
    public struct Touch: Sendable, Equatable {
        /// The channel (`search`, `social`, `email` …).
        public var channel: String
        /// Time before the conversion, in days (0 for the converting touch).
        public var daysBeforeConversion: Double

        /// Creates a touch.
        public init(channel: String, daysBeforeConversion: Double) {
            self.channel = channel
            self.daysBeforeConversion = daysBeforeConversion
        }
    }

    /// A converting path: its touches in time order and the conversion's value.
    public struct Path: Sendable, Equatable {
        /// Touches, earliest first.
        public var touches: [Touch]
        /// The value of the conversion.
        public var value: Double

        /// Creates a path.
        public init(touches: [Touch], value: Double) {
            self.touches = touches
            self.value = value
        }
    }

    /// The weight of each touch of a path under `model`; the weights add up to 1.
    public static func weights(_ touches: [Touch], model: Model, halfLifeDays: Double = 7) -> [Double] {
        let count = touches.count
        guard count > 0 else { return [] }
        switch model {
        case .firstTouch:
            return (0..<count).map { $0 == 0 ? 1 : 0 }
        case .lastTouch:
            return (0..<count).map { $0 == count - 1 ? 1 : 0 }
        case .linear:
            return Array(repeating: 1 / Double(count), count: count)
        case .timeDecay:
            let raw = touches.map { pow(2, -$0.daysBeforeConversion / halfLifeDays) }
            let total = raw.reduce(0, +)
            return raw.map { $0 / total }
        case .positionBased:
            switch count {
            case 1: return [1]
            case 2: return [0.5, 0.5]
            default:
                let middle = 0.2 / Double(count - 2)
                return (0..<count).map { $0 == 0 || $0 == count - 1 ? 0.4 : middle }
            }
        }
    }

    /// The value credited to each channel over all paths, channels in order of first appearance.
    public static func credit(_ paths: [Path], model: Model, halfLifeDays: Double = 7) -> [(channel: String, value: Double)] {
        var order: [String] = []
        var totals: [String: Double] = [:]
        for path in paths {
            for (touch, weight) in zip(path.touches, weights(path.touches, model: model, halfLifeDays: halfLifeDays)) {
                if totals[touch.channel] == nil { order.append(touch.channel) }
                totals[touch.channel, default: 0] += weight * path.value
            }
        }
        return order.map { ($0, totals[$0] ?? 0) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
