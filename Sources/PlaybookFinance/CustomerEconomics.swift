/// Customer lifetime value and acquisition cost.
public enum CustomerLifetimeValue {
    /// Where in each period the margin arrives.
    public enum Timing: Sendable {
        /// Margin at the end of each period: the first margin is discounted once.
        case endOfPeriod
        /// Margin at the start of each period: the first margin is not discounted.
        case startOfPeriod
    }

    /// Simple CLV: margin per period × expected lifetime in periods, `margin / (1 − retention)`.
    public static func simple(margin: Double, retention: Double) -> Double? {
        retention < 1 ? margin / (1 - retention) : nil
    }

    /// CLV with retention and discounting over an unlimited horizon:
    /// end of period `m × r / (1 + d − r)`, start of period `m × (1 + d) / (1 + d − r)`.
    public static func discounted(margin: Double, retention: Double, rate: Double, timing: Timing = .endOfPeriod) -> Double? {
        let denominator = 1 + rate - retention
        guard denominator > 0 else { return nil }
        switch timing {
        case .endOfPeriod: return margin * retention / denominator
        case .startOfPeriod: return margin * (1 + rate) / denominator
        }
    }

    /// CLV net of the cost of acquiring the customer.
    public static func net(_ lifetimeValue: Double, acquisitionCost: Double) -> Double {
        lifetimeValue - acquisitionCost
    }

    /// Customer acquisition cost: spend / customers acquired; `nil` when none were.
    public static func acquisitionCost(spend: Double, customers: Double) -> Double? {
        customers == 0 ? nil : spend / customers
    }
}

/// The service economics a social customer service case rests on.
public enum ServiceEconomics {
    /// Cost per contact: cost / contacts handled.
    public static func costPerContact(cost: Double, contacts: Double) -> Double? {
        contacts == 0 ? nil : cost / contacts
    }

    /// Cost per resolution: cost per contact × contacts needed per resolution
    /// (1 / first-contact resolution rate when every unresolved contact comes back once more).
    public static func costPerResolution(costPerContact: Double, contactsPerResolution: Double) -> Double {
        costPerContact * contactsPerResolution
    }

    /// Savings from contacts that move to a cheaper channel: contacts × (old cost − new cost).
    public static func shiftSavings(contacts: Double, fromCost: Double, toCost: Double) -> Double {
        contacts * (fromCost - toCost)
    }

    /// Direct deflection: questions answered by other customers × share that would have become
    /// contacts × cost per contact.
    public static func directDeflection(answers: Double, contactRate: Double, costPerContact: Double) -> Double {
        answers * contactRate * costPerContact
    }

    /// Indirect deflection: views of existing answers × share that would have become contacts ×
    /// cost per contact.
    public static func indirectDeflection(views: Double, deflectionRate: Double, costPerContact: Double) -> Double {
        views * deflectionRate * costPerContact
    }

    /// Handle-time savings: calls × minutes saved per call × cost per minute.
    public static func handleTimeSavings(calls: Double, minutesSaved: Double, costPerMinute: Double) -> Double {
        calls * minutesSaved * costPerMinute
    }
}
