import PlaybookCore
import PlaybookScenario
import Testing

/// Worked examples as books and reports show them: labels and values in words, the
/// arithmetic in the unit of each sum's result, functions named as a spreadsheet names them.
@Suite struct ExplanationWordsTests {
    @Test func kestrelsContactShiftSavingsInWords() throws {
        let scenario = try #require(try loadScenario("content/scenarios/kestrel-mobile.yaml").0)
        let explanation = try #require(scenario.explain("contact_shift_savings"))
        #expect(explanation.steps.map { "\($0.label): \($0.result). \($0.words). \($0.arithmetic)" } == [
            "Contact shift savings: $354,816. Calls moved to social each year (80,640 contacts) times saving per call moved to social ($4.40/contact). 80,640 contacts × $4.40/contact",
            "Calls moved to social each year: 80,640 contacts. Calls a year (1,008,000 calls) times share of calls moved to social (8.0%). 1,008,000 calls × 8.0%",
            "Saving per call moved to social: $4.40/contact. Cost of a call ($6.50/contact) minus cost of a contact resolved on social ($2.10/contact). $6.50/contact − $2.10/contact",
            "Calls a year: 1,008,000 calls. Customer contacts a month (120,000 contacts) times 12 times share of contacts by phone (70.0%). 120,000 contacts × 12 × 70.0%",
            "Cost of a call: $6.50/call. Average handle time of a call (6.5 min/call) times cost of a handled minute ($1.00/min). 6.5 min/call × $1.00/min",
            "Cost of a contact resolved on social: $2.10/contact. Social interactions to resolve an issue (2.4) times agent minutes per social interaction (0.875 min/interaction) times cost of a handled minute ($1.00/min). 2.4 × 0.875 min/interaction × $1.00/min",
            "Cost of a handled minute: $1.00/min. Loaded cost of an agent hour ($39.00/h) divided by agent occupancy (65.0%). $39.00/h ÷ 65.0%",
        ])
        #expect(explanation.inputs.map { "\($0.label) = \($0.value) (\($0.shownSource))" } == [
            "Share of calls moved to social = 8.0% (Company-wide target; the pilot measured 9%)",
            "Customer contacts a month = 120,000 contacts (Contact centre reporting, last 12 months)",
            "Share of contacts by phone = 70.0% (Contact centre reporting)",
            "Average handle time of a call = 6.5 min/call (Telephony platform, average handle time)",
            "Social interactions to resolve an issue = 2.4 (Pilot: six weeks on billing questions)",
            "Agent minutes per social interaction = 0.875 min/interaction (Pilot)",
            "Loaded cost of an agent hour = $39.00/h (Finance: salary, benefits, management, facilities, systems)",
            "Agent occupancy = 65.0% (Workforce management)",
        ])
    }

    /// A sum nested in a sum takes the outer result's unit; a group is named for what it
    /// makes; functions read as phrases and as spreadsheet names.
    @Test func groupsFunctionsAndUnitsOfSums() throws {
        let scenario = try #require(try loadScenario("content/scenarios/kestrel-mobile.yaml").0)
        let remaining = try #require(scenario.explain("remaining_calls")?.steps.first)
        #expect(remaining.words == "Calls a year (1,008,000 calls) minus calls moved to social each year (80,640 calls) minus the sum of contacts prevented by community answers a year (18,000 contacts) and contacts prevented by solution pages a year (27,000 contacts) times share of contacts by phone (70.0%)")
        #expect(remaining.arithmetic == "1,008,000 calls − 80,640 calls − (18,000 contacts + 27,000 contacts) × 70.0%")
        #expect(remaining.substituted == remaining.arithmetic)
        let lifetime = try #require(scenario.explain("lifetime_value_margin_first")?.steps.first)
        #expect(lifetime.words == "The lifetime value of a customer, the first margin at the start of the year, with yearly margin per customer ($324.00/customer) as the yearly margin, yearly customer retention (82.0%) as the retention and discount rate (10.0%) as the discount rate")
        #expect(lifetime.arithmetic == "CLV.START($324.00/customer, 82.0%, 10.0%)")
        #expect(lifetime.substituted == "clv_start($324.00/customer, 82.0%, 10.0%)", "playbook calc keeps the formula language")
        #expect(scenario.formulaInWords(of: "other_cost_per_year") == "Customer contacts a month times 12 times the difference between 1 and share of contacts by phone times cost of an email or chat contact")
        #expect(scenario.formulaInSymbols(of: "blended_cost_per_contact") == "(Cost of calls a year + Cost of email and chat a year) ÷ (Customer contacts a month × 12)")
        #expect(scenario.formulaInWords(of: "blended_cost_per_contact") == "The sum of cost of calls a year and cost of email and chat a year divided by the product of customer contacts a month and 12")
        #expect(scenario.formulaInWords(of: "contacts_per_month") == nil, "an input has no formula")
    }

    @Test func aNumberAsWrittenIsSetForTheCase() throws {
        let scenario = try #require(try loadScenario("content/scenarios/brightwell-outdoor.yaml").0)
        #expect(scenario.formulaInWords(of: "social_team") == "Set for this business case")
        #expect(scenario.explain("social_team")?.steps.first?.words == "Set for this business case")
    }
}
