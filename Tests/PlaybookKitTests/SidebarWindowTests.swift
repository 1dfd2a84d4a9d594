@testable import PlaybookRender
import Testing

/// The chapters a sidebar lists: every one in a book of up to 60, else the first, the 12
/// either side of the page and the last, so a page of a 1,000-chapter book stays small.
@Suite struct SidebarWindowTests {
    @Test func aBookOfSixtyChaptersListsThemAll() {
        #expect(PageContext.sidebarChapters(count: 60, current: 30) == Array(0..<60))
        #expect(PageContext.sidebarChapters(count: 3, current: nil) == [0, 1, 2])
    }

    @Test func aLongBookListsTheChaptersAroundThePageWithTheFirstAndTheLast() {
        #expect(PageContext.sidebarChapters(count: 1000, current: 500) == [0] + Array(488...512) + [999])
        // At either end the window keeps its 25 chapters.
        #expect(PageContext.sidebarChapters(count: 1000, current: 0) == Array(0...24) + [999])
        #expect(PageContext.sidebarChapters(count: 1000, current: 13) == Array(1...25) .reduce(into: [0]) { $0.append($1) } + [999])
        #expect(PageContext.sidebarChapters(count: 1000, current: 999) == [0] + Array(987...999))
        // The book's own page (no chapter) shows the first 25.
        #expect(PageContext.sidebarChapters(count: 61, current: nil) == Array(0...24) + [60])
    }
}
