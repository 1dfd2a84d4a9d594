import PlaybookCore
import Testing

@Suite struct TimestampTests {
    @Test func parsesTheFormsBookYAMLAccepts() {
        #expect(Timestamp(parsing: "2026-11-02")?.iso8601 == "2026-11-02T00:00:00Z")
        #expect(Timestamp(parsing: "2026-02-01T09:30:00Z")?.iso8601 == "2026-02-01T09:30:00Z")
        #expect(Timestamp(parsing: "2024-02-29 23:59:59")?.iso8601 == "2024-02-29T23:59:59Z")
    }

    @Test func rejectsDatesThatDoNotExist() {
        for text in ["2026-02-29", "2026-13-01", "2026-04-31", "15 January 2026", "2026-1-1", "2026-01-01T25:00:00Z", ""] {
            #expect(Timestamp(parsing: text) == nil, "\(text)")
        }
    }

    @Test func convertsUnixSecondsBothWays() {
        #expect(Timestamp(secondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: 1_767_225_600).iso8601 == "2026-01-01T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: 951_825_599).iso8601 == "2000-02-29T11:59:59Z")
        #expect(Timestamp(secondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(year: 2026, month: 11, day: 23)?.secondsSinceEpoch == 1_795_392_000)
        #expect(Timestamp(parsing: "2026-11-23")?.dateString == "2026-11-23")
    }
}

@Suite struct SlugTests {
    @Test func anchorsFollowGitHubAndStayXMLNames() {
        #expect(Slug.anchor(for: "ROI: the three-year view") == "roi-the-three-year-view")
        #expect(Slug.anchor(for: "Cost per contact ($)") == "cost-per-contact-")
        #expect(Slug.anchor(for: "2024 results") == "h-2024-results")
        #expect(Slug.anchor(for: "Économie d’échelle") == "économie-déchelle")
        #expect(Slug.anchor(for: "snake_case names") == "snake_case-names")
        #expect(Slug.anchor(for: "¿¡!?") == "h-")
    }

    @Test func validatesAnchorsAndFileNames() {
        #expect(Slug.isValidAnchor("payback"))
        #expect(Slug.isValidAnchor("section-2.1"))
        #expect(!Slug.isValidAnchor("1st"))
        #expect(!Slug.isValidAnchor("two words"))
        #expect(Slug.isValidFileName("02-kpis"))
        #expect(!Slug.isValidFileName("my chapter"))
        #expect(!Slug.isValidFileName(".hidden"))
        #expect(!Slug.isValidFileName("café"))
    }
}

@Suite struct NameBasedUUIDTests {
    @Test func sha1MatchesTheStandardVectors() {
        func hex(_ text: String) -> String { SHA1.digest(Array(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func matchesPythonsUUID5() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'https://playbook.example.com/foundations/'))"
        #expect(NameBasedUUID.uuid(forURL: "https://playbook.example.com/foundations/") == "9ac75e49-4c06-557a-bcee-67490499dae4")
    }
}

@Suite struct XMLEscapingTests {
    @Test func escapesByteWiseSoClustersCannotHideMarkup() {
        // `"` followed by a combining acute accent is one Character, but still a quote byte.
        #expect(XMLEscaping.attribute("\"\u{301}x") == "&quot;\u{301}x")
        #expect(XMLEscaping.text("<\u{338} & >") == "&lt;\u{338} &amp; &gt;")
        #expect(XMLEscaping.attribute("<b>Acme_Corp_</b> 'x'") == "&lt;b&gt;Acme_Corp_&lt;/b&gt; &#39;x&#39;")
        var out = "a"
        XMLEscaping.append("plain", to: &out)
        XMLEscaping.append("\"q\"", to: &out, quotes: true)
        #expect(out == "aplain&quot;q&quot;")
    }
}
