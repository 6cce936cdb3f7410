import DebriefCore
import Testing

/// The access policy as a matrix: every kind of principal against every action.
@Suite("Access policy")
struct AccessPolicyTests {
    static let admin = Principal(label: "admin@x", userID: 1, role: .admin)
    static let recruiter = Principal(label: "rec@x", userID: 2, role: .recruiter)
    static let onPanel = Principal(label: "ines@x", userID: 3, role: .interviewer)
    static let offPanel = Principal(label: "olga@x", userID: 4, role: .interviewer)
    static let operatorCLI = Principal.localOperator(named: "ops")
    static let panel: [Int64] = [3, 5]

    @Test(
        "who may do what",
        arguments: [
            // principal, read reports, manage pipeline, manage users, open round, score own, score a colleague's
            (admin, true, true, true, true, false, true),
            (recruiter, true, true, false, true, false, true),
            (onPanel, false, false, false, true, true, false),
            (offPanel, false, false, false, false, false, false),
            (operatorCLI, true, true, true, true, false, true),
        ])
    func matrix(principal: Principal, reports: Bool, pipeline: Bool, users: Bool, open: Bool, own: Bool, colleague: Bool) {
        #expect(AccessPolicy.permits(principal, .readReports) == reports)
        #expect(AccessPolicy.permits(principal, .managePipeline) == pipeline)
        #expect(AccessPolicy.permits(principal, .manageUsers) == users)
        #expect(AccessPolicy.permits(principal, .operateDatabase) == users, "backups and restores are for admins, as users are")
        #expect(AccessPolicy.permits(principal, .openRound(panel: Self.panel)) == open)
        if principal.role == .interviewer {
            #expect(AccessPolicy.permits(principal, .scoreRound(panel: Self.panel, interviewer: principal.userID!)) == own)
        }
        #expect(AccessPolicy.permits(principal, .scoreRound(panel: Self.panel, interviewer: 5)) == colleague)
        #expect(!AccessPolicy.permits(Self.offPanel, .scoreRound(panel: Self.panel, interviewer: 4)), "not on the panel")
    }

    @Test("every refusal says why")
    func refusals() {
        for action: AccessPolicy.Action in [
            .readReports, .managePipeline, .manageUsers, .operateDatabase, .openRound(panel: []), .scoreRound(panel: [], interviewer: 1),
        ] {
            #expect(!AccessPolicy.refusal(Self.offPanel, action).isEmpty)
        }
    }
}
