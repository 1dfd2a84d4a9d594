@testable import PlaybookKit
import Testing
@testable import PlaybookEvaluate
@testable import PlaybookRender

/// Charts of figures at the edge of what a double holds: every coordinate is a number, and
/// no conversion to Int can trap.
@Suite struct ChartScaleTests {
    @Test func aRangeFromMinusToPlus1e308MapsToFiniteCoordinates() {
        let scale = ChartScale(values: [-1e308, 1e308], start: 0, end: 100)
        #expect(scale(-1e308).isFinite && scale(1e308).isFinite && scale(0).isFinite)
        #expect(scale(-1e308) < scale(0) && scale(0) < scale(1e308))
        #expect(ChartSVG.number(scale(1e308)) == "95.5")
    }

    @Test func coordinatesThatAreNotFiniteOrHugeDoNotTrap() {
        #expect(ChartSVG.number(.nan) == "0")
        #expect(ChartSVG.number(.infinity) == "0")
        #expect(ChartSVG.number(1e300) == "1000000")
        #expect(ChartSVG.number(-12.25) == "-12.3")
    }

    /// A simulated NPV range wider than the largest double (an input such as
    /// `{ mean: 0, sd: 1e308 }`) still has finite, ordered histogram edges.
    @Test func histogramEdgesOfARangeWiderThanTheLargestDoubleAreFinite() {
        let edges = (0...20).map { ChartSeries.histogramEdge($0, bins: 20, low: -1.5e308, high: 1.5e308) }
        #expect(edges.allSatisfy { $0.isFinite })
        #expect(edges.first == -1.5e308 && edges.last == 1.5e308 && edges[10] == 0)
        #expect(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 })
        #expect(ChartSeries.histogramEdge(1, bins: 4, low: 100, high: 200) == 125)
    }
}
