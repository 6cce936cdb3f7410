import DebriefCore

/// The page an invite link opens: the person chooses their password.
enum InvitePage {
    static func render(user: User, message: String?, proof: String) -> String {
        PageTemplate.render(
            "invite", chrome: PageChrome(title: "Choose your password", principal: nil, proof: proof),
            [
                "name": user.name, "email": user.email.value, "role": user.role.rawValue, "message": message ?? false,
                "minimum": PasswordPolicy.minimumLength,
            ])
    }
}
