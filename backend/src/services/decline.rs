//! The courteous message a talent receives with every decline: final, never silence.

use kakehashi_shared::enums::DeclineReason;

fn reason_text(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::SkillsMismatch => "今回求めるスキルや経験との兼ね合いから",
        DeclineReason::AvailabilityMismatch => "稼働時間や日程の条件が合わず",
        DeclineReason::FeeMismatch => "報酬の条件が合わず",
        DeclineReason::PositionFilled => "募集枠が埋まったため",
        DeclineReason::ProjectClosed => "募集を終了したため",
        DeclineReason::OtherCandidateChosen => "ほかの方とのご縁となったため",
        DeclineReason::NoResponse => "企業からの回答期限を過ぎたため",
        DeclineReason::Other => "総合的に検討した結果",
    }
}

/// The message for `reason`, with the company's own note when it wrote one.
pub fn message(project_title: &str, reason: DeclineReason, personal_note: Option<&str>) -> String {
    let note = personal_note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| format!("\n\n企業からのメッセージ：\n{n}"))
        .unwrap_or_default();
    if reason == DeclineReason::NoResponse {
        return format!(
            "「{project_title}」へのご応募について、企業から期限内にお返事がなかったため、この応募は終了となりました。\
             お待たせしたうえにこのようなご連絡となり、申し訳ありません。あなたの経験を求めている企業はほかにもあります。\
             ぜひほかの募集もご覧ください。{note}"
        );
    }
    format!(
        "「{project_title}」にご応募いただき、誠にありがとうございました。慎重に検討いたしましたが、{}、\
         今回はご期待に添えない結果となりました。ご提案に時間を割いてくださったことに感謝いたします。\
         またの機会にご縁がありましたら幸いです。{note}",
        reason_text(reason)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_a_courteous_message() {
        for reason in DeclineReason::ALL {
            let m = message("EC強化", *reason, Some("ご経験は素晴らしいものでした。"));
            assert!(m.contains("「EC強化」"));
            assert!(m.contains("ご経験は素晴らしいものでした。"));
        }
    }
}
