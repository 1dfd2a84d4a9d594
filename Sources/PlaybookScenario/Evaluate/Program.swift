/// A formula compiled to a short list of stack-machine instructions over a table of values
/// (one slot per input and metric), so that a simulation can evaluate it a million times
/// without walking a tree or checking units again.
struct Program: Sendable {
    enum Instruction: Sendable {
        case constant(Double)
        case load(Int)
        case negate
        case add(site: Int), subtract(site: Int), multiply(site: Int)
        /// A division: `site` is the division's (a zero divisor), `site + 1` its overflow's.
        case divide(site: Int)
        case power(site: Int)
        case call(FormulaFunction, count: Int, site: Int)
    }

    var instructions: [Instruction]
    /// The deepest the stack gets.
    var depth: Int

    /// Runs the program. Returns the value, or the site of the operation that failed: a
    /// division by zero, a function outside its domain, or any operation whose result is not
    /// a finite number (an overflow). Constants and inputs are finite (the loader sees to it),
    /// so every value a program computes, in every case and every simulated draw, is finite.
    func run(_ slots: UnsafeBufferPointer<Double>, stack: UnsafeMutablePointer<Double>) -> (value: Double, failedSite: Int?) {
        var top = -1
        for instruction in instructions {
            switch instruction {
            case .constant(let value):
                top += 1
                stack[top] = value
            case .load(let slot):
                top += 1
                stack[top] = slots[slot]
            case .add(let site):
                top -= 1
                stack[top] += stack[top + 1]
                if !stack[top].isFinite { return (.nan, site) }
            case .subtract(let site):
                top -= 1
                stack[top] -= stack[top + 1]
                if !stack[top].isFinite { return (.nan, site) }
            case .multiply(let site):
                top -= 1
                stack[top] *= stack[top + 1]
                if !stack[top].isFinite { return (.nan, site) }
            case .negate:
                stack[top] = -stack[top]
            case .divide(let site):
                top -= 1
                if stack[top + 1] == 0 { return (.nan, site) }
                stack[top] /= stack[top + 1]
                if !stack[top].isFinite { return (.nan, site + 1) }
            case .power(let site):
                top -= 1
                let result = pow(stack[top], stack[top + 1])
                if !result.isFinite { return (.nan, site) }
                stack[top] = result
            case .call(let function, let count, let site):
                top -= count - 1
                guard let result = function.apply(UnsafeBufferPointer(start: stack + top, count: count)), result.isFinite else {
                    return (.nan, site)
                }
                stack[top] = result
            }
        }
        return (stack[0], nil)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
