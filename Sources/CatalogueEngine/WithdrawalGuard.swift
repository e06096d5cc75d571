import Foundation
import Harvesting

/// Whether a complete run's result is plausible enough to apply without an operator.
///
/// Every page of the run was read, yet the node may still be broken in a way no single page shows:
/// a maintenance page that parsed to an empty catalogue, a mapping whose paths no longer match, a
/// folder emptied by a failed sync. Applying such a run would withdraw datasets researchers rely
/// on, so a run is held when it lists no dataset of a node that had some, or when it would
/// withdraw more than the node's `max_withdraw` share.
struct WithdrawalGuard {
    let node: NodeConfiguration
    let existing: Set<String>
    let listed: Set<String>

    /// The identifiers the run would withdraw, sorted.
    var withdrawals: [String] { existing.subtracting(listed).sorted() }

    /// Why the run must be held, or nil when it may be applied.
    var implausibility: String? {
        guard !existing.isEmpty else { return nil }
        let count = withdrawals.count
        if listed.isEmpty {
            return "the node listed no dataset, but \(existing.count) of its datasets are in the catalogue; "
                + "applying the run would withdraw all of them"
        }
        let share = Double(count) / Double(existing.count)
        guard share > node.maxWithdraw else { return nil }
        return "the run would withdraw \(count) of the node's \(existing.count) datasets (\(Self.percent(share))), "
            + "more than its max_withdraw of \(Self.percent(node.maxWithdraw))"
    }

    private static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value)) %" : String(format: "%.1f %%", value)
    }
}
