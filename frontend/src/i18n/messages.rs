//! The screen texts, one line per message: key, Japanese, English. Japanese is polite
//! (です・ます) and plain; English is a full translation, not a fallback.

use super::Lang;

/// Declares the `Msg` keys and their texts from one table, so a key cannot lack a language.
macro_rules! messages {
    ($($key:ident => $ja:literal, $en:literal;)+) => {
        /// A message key; `t` gives its text in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Ja) => $ja, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

messages! {
    // The frame around every page.
    AppName => "架け橋", "Kakehashi";
    AppTagline => "地域企業と副業人材をつなぐ", "Connecting regional companies with professionals";
    SkipToContent => "本文へ移動", "Skip to main content";
    MainNav => "メインメニュー", "Main menu";
    NavLogin => "ログイン", "Sign in";
    NavRegister => "新規登録", "Register";
    NavMe => "マイページ", "My account";
    NavLogout => "ログアウト", "Sign out";
    LoggingOut => "ログアウトしています…", "Signing out…";
    LangSwitch => "表示言語", "Language";
    // Each language is named in itself, the usual convention for a language switch.
    LangJa => "日本語", "日本語";
    LangEn => "English", "English";
    Loading => "読み込み中です…", "Loading…";
    Retry => "もう一度試す", "Try again";
    Required => "必須", "required";

    // Home.
    HomeHeading => "地域の企業と、都市のプロ人材をつなぎます。", "We bridge regional companies and urban professionals.";
    HomeLead => "架け橋は、地方の中小企業と、副業・兼業で力を貸したい都市の専門人材を結ぶサービスです。企業は月数万円から専門家の力を借りられ、人材は月20〜40時間、リモート中心で地域の経営課題に取り組めます。", "Kakehashi matches small and mid-sized regional companies with urban professionals who want to help on the side. Companies get a specialist's help from a few tens of thousands of yen a month; professionals take on a region's business challenges for 20–40 hours a month, mostly remotely.";
    HomeRegister => "新規登録する", "Create an account";
    HomeLogin => "ログインする", "Sign in";
    HomeToMe => "マイページを見る", "Go to my account";

    // Sign-in.
    LoginTitle => "ログイン", "Sign in";
    LoginLead => "登録したメールアドレスとパスワードを入力してください。", "Enter the email address and password you registered with.";
    LoginRequired => "このページを見るにはログインが必要です。ログイン後、元のページに戻ります。", "Please sign in to see this page. You will be taken back to it afterwards.";
    SessionExpired => "ログインの有効期限が切れました。お手数ですが、もう一度ログインしてください。", "Your session has expired. Please sign in again.";
    FieldEmail => "メールアドレス", "Email address";
    HintEmailLogin => "例: hanako@example.jp", "e.g. hanako@example.jp";
    FieldPassword => "パスワード", "Password";
    HintPasswordLogin => "大文字と小文字は区別されます。", "Passwords are case-sensitive.";
    LoginSubmit => "ログインする", "Sign in";
    LoginSubmitting => "ログインしています…", "Signing in…";
    LoginNoAccount => "アカウントをお持ちでない方は、こちらから登録できます。", "No account yet? You can create one here.";

    // Registration.
    RegisterTitle => "新規登録", "Create an account";
    RegisterLead => "登録が終わると、そのままログインした状態でマイページに移動します。", "When you have registered you are signed in and taken to your account page.";
    AccountTypeLegend => "登録の種類", "Account type";
    AccountTalent => "人材として登録", "Register as talent";
    AccountTalentHint => "副業・兼業で地域の企業を手伝いたい専門人材の方", "For professionals who want to help regional companies on the side";
    AccountCompany => "企業として登録", "Register as a company";
    AccountCompanyHint => "専門人材の力を借りたい地域の企業の方", "For regional companies that want a professional's help";
    FieldDisplayName => "お名前（表示名）", "Name (shown to others)";
    HintDisplayName => "ほかの利用者に表示されます。例: 山田 花子", "Other users see this name. e.g. Hanako Yamada";
    HintEmailRegister => "ログインとご連絡に使います。例: hanako@example.jp", "Used to sign in and to contact you. e.g. hanako@example.jp";
    HintPasswordRegister => "10文字以上で入力してください。長いほど安全です。", "At least 10 characters. Longer is safer.";
    CompanyLegend => "企業の情報", "About your company";
    FieldCompanyName => "企業名", "Company name";
    HintCompanyName => "登記上の名称です。例: 岩手製菓株式会社", "The registered name, e.g. Iwate Seika Co., Ltd.";
    FieldIndustry => "業種", "Industry";
    HintIndustry => "主な事業に最も近いものを選んでください。", "Choose the one closest to your main business.";
    FieldPrefecture => "所在地（都道府県）", "Prefecture";
    HintPrefecture => "本社または主な事業所がある都道府県です。", "Where your head office or main site is.";
    FieldMunicipality => "市区町村", "City, town or village";
    HintMunicipality => "例: 盛岡市", "e.g. Morioka";
    SelectPlaceholder => "選択してください", "Please choose";
    OptionsLoading => "選択肢を読み込み中です…", "Loading the choices…";
    OptionsFailed => "選択肢を読み込めませんでした。", "The choices could not be loaded.";
    RegisterSubmit => "登録する", "Register";
    RegisterSubmitting => "登録しています…", "Registering…";
    RegisterHaveAccount => "すでにアカウントをお持ちの方は、こちらからログインできます。", "Already have an account? You can sign in here.";

    // Account page.
    MeTitle => "マイページ", "My account";
    MeLead => "登録されているアカウントの情報です。", "These are the details of your account.";
    MeName => "表示名", "Display name";
    MeEmail => "メールアドレス", "Email address";
    MeRole => "アカウントの種類", "Account type";
    MeCompany => "所属企業", "Company";
    MeHub => "所属拠点", "Hub";
    MePartner => "所属組織（地域パートナー）", "Partner organisation";
    MeLocation => "所在地", "Location";
    MeCoverage => "担当地域", "Covers";
    MeCreatedAt => "登録日", "Registered on";
    RoleTalent => "人材（副業人材）", "Talent (side-job professional)";
    RoleCompanyMember => "企業の担当者", "Company member";
    RoleCoordinator => "コーディネーター", "Coordinator";
    RolePartner => "地域パートナーの担当者", "Regional partner staff";
    RoleAdmin => "運営者", "Administrator";
    PartnerPrefecture => "都道府県", "Prefecture";
    PartnerMunicipality => "市区町村", "Municipality";
    PartnerBank => "金融機関", "Bank";
    PartnerChamber => "商工会議所・商工会", "Chamber of commerce";
    PartnerOther => "その他の団体", "Other organisation";

    // Not found.
    NotFoundTitle => "ページが見つかりません", "Page not found";
    NotFoundBody => "お探しのページは、移動または削除された可能性があります。", "The page you are looking for may have moved or been removed.";
    BackHome => "トップページへ戻る", "Back to the home page";

    // Problems the API or the network report.
    ErrNetwork => "サーバーに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。", "We could not reach the server. Please check your connection and try again.";
    ErrDecode => "サーバーから予期しない応答がありました。時間をおいて、もう一度お試しください。", "The server sent an unexpected answer. Please try again later.";
    ErrInvalidCredentials => "メールアドレスまたはパスワードが正しくありません。", "The email address or password is not correct.";
    ErrEmailTaken => "このメールアドレスはすでに登録されています。ログインするか、別のメールアドレスをお使いください。", "This email address is already registered. Please sign in, or use another address.";
    ErrUnavailable => "ただいまサービスを一時的に利用できません。少し時間をおいて、もう一度お試しください。", "The service is temporarily unavailable. Please try again in a moment.";
    ErrValidationFailed => "入力内容に確認が必要な項目があります。各項目のメッセージをご覧ください。", "Some fields need your attention. Please see the message next to each one.";
    ErrUnauthenticated => "ログインが必要です。", "Please sign in.";
    ErrForbidden => "この操作を行う権限がありません。", "You are not allowed to do this.";
    ErrNotFound => "お探しの情報が見つかりませんでした。", "What you asked for could not be found.";
    ErrServer => "サーバーでエラーが発生しました。時間をおいて、もう一度お試しください。", "Something went wrong on the server. Please try again later.";
    ErrRequest => "送信内容を処理できませんでした。ページを再読み込みして、もう一度お試しください。", "The request could not be processed. Please reload the page and try again.";
    ErrKept => "入力した内容はそのまま残っています。", "What you entered has been kept.";

    // Field errors, beside the field they concern.
    FeRequired => "入力してください。", "Please fill this in.";
    FeChoose => "選択してください。", "Please choose one.";
    FePasswordShort => "10文字以上で入力してください。", "Please use at least 10 characters.";
    FeTooShort => "文字数が足りません。", "This is too short.";
    FeMax100 => "100文字以内で入力してください。", "Please use at most 100 characters.";
    FeMax128 => "128文字以内で入力してください。", "Please use at most 128 characters.";
    FeMax200 => "200文字以内で入力してください。", "Please use at most 200 characters.";
    FeMax254 => "254文字以内で入力してください。", "Please use at most 254 characters.";
    FeTooLong => "文字数が多すぎます。", "This is too long.";
    FeEmailFormat => "メールアドレスの形式で入力してください（例: hanako@example.jp）。", "Please enter an email address, e.g. hanako@example.jp.";
    FeInvalidFormat => "形式が正しくありません。", "This is not in the expected format.";
    FeUnknownValue => "一覧の中から選択してください。", "Please choose one of the listed options.";
    FeNotAllowed => "この項目は入力できません。", "This field is not allowed here.";
    FeInvalidType => "値の種類が正しくありません。", "This value is of the wrong type.";
    FeOutOfRange => "範囲外の値です。", "This value is out of range.";
    FeEmailTaken => "このメールアドレスはすでに登録されています。", "This email address is already registered.";
    FeOther => "入力内容をご確認ください。", "Please check this field.";

    // Public and talent screens.
    NavFindProjects => "案件をさがす", "Find projects";
    NavTalRecommended => "おすすめ", "For you";
    NavTalApplications => "応募状況", "My applications";
    NavTalScouts => "スカウト", "Scouts";
    NavTalProfile => "プロフィール", "Profile";
    ErrApplicationExists => "この案件にはすでに応募しています。応募状況の画面でご確認ください。", "You have already applied to this project. You can follow it under My applications.";
    ErrRecruitmentClosed => "この案件の募集は締め切られました。ほかの案件をお探しください。", "Applications for this project have closed. Please look for another project.";
    ErrRecruitmentNotOpen => "この案件はまだ募集を始めていません。募集開始後にもう一度お試しください。", "This project is not taking applications yet. Please try again once it opens.";
    ErrProfileRequired => "応募の前にプロフィールを登録してください。企業はプロフィールを見て返信します。", "Please fill in your profile before applying. Companies read it when they answer.";

    PubFindProjects => "案件をさがす", "Find projects";
    PubHowTitle => "はじめ方", "How it works";
    PubHow1 => "1. プロフィールを登録", "1. Write your profile";
    PubHow1Text => "スキルと経験年数、月に使える時間、ゆかりのある地域を書きます。", "Your skills and years, the hours you can give each month, and the places you feel tied to.";
    PubHow2 => "2. 案件をさがして応募", "2. Find a project and apply";
    PubHow2Text => "一致度と理由つきのおすすめから選び、提案を書いて応募します。", "Pick from recommendations that show a score and the reasons, then apply with a proposal.";
    PubHow3 => "3. 面談して契約", "3. Meet and sign";
    PubHow3Text => "オンラインで面談し、業務委託契約（内容と報酬を書面で決める契約）を結びます。", "Meet online, then sign a service contract that puts the work and the fee in writing.";
    PubFeaturedTitle => "新着の募集", "New projects";
    PubFigureOpen => "募集中の案件", "Open projects";
    PubFigurePrefectures => "募集のある都道府県", "Prefectures with projects";
    PubFigureRemote => "リモート可の案件", "Remote-friendly projects";
    PubNoOpenProjects => "いま募集中の案件はありません。登録しておくと、新しい募集をお知らせします。", "There are no open projects right now. Register and we will tell you about new ones.";
    PubSeeAll => "すべての案件を見る", "See all projects";
    PubSearchTitle => "案件をさがす", "Find projects";
    PubSearchLead => "地域の企業が、副業・兼業の専門人材を募集しています。言葉と条件で絞り込めます。", "Regional companies are looking for professionals working on the side. Narrow the list by words and conditions.";
    PubSearchWords => "キーワード", "Keywords";
    PubSearchPlaceholder => "例: EC、ブランディング、生産管理", "e.g. e-commerce, branding, production";
    PubSearchButton => "検索する", "Search";
    PubSearching => "案件を探しています…", "Looking for projects…";
    PubFilters => "条件で絞り込む", "Filter";
    PubAny => "指定しない", "Any";
    PubAllOf => "{}のすべて", "All of {}";
    PubFilterPrefecture => "都道府県", "Prefecture";
    PubFilterRegion => "地方", "Region";
    PubFilterChallenge => "経営課題", "Business challenge";
    PubFilterIndustry => "業種", "Industry";
    PubFilterContract => "契約の形", "Contract type";
    PubFilterRemote => "リモート", "Remote work";
    PubFilterFee => "月額報酬", "Monthly fee";
    PubFilterHours => "月の稼働時間", "Hours a month";
    PubRemoteOnly => "リモート可の案件", "Remote allowed";
    PubOnsiteOnly => "現地での仕事が中心の案件", "Mainly on site";
    PubClearFilters => "絞り込みをすべて解除", "Clear all filters";
    PubClearAll => "条件をすべて解除して探す", "Clear all conditions and search again";
    PubNoResults => "条件に合う案件は見つかりませんでした。キーワードを短くするか、条件を減らしてお試しください。", "No project matches. Try shorter keywords or fewer conditions.";
    PubSort => "並び順", "Sort by";
    PubSortRelevance => "キーワードに近い順", "Best match";
    PubSortNewest => "新着順", "Newest";
    PubSortFee => "報酬の高い順", "Highest fee";
    PubSortDeadline => "締切の近い順", "Closing soonest";
    PubPages => "ページ", "Pages";
    PubNextPage => "次の20件を見る", "Next 20";
    PubFirstPage => "最初のページに戻る", "Back to the first page";
    PubConditions => "条件", "Terms";
    PubChallenges => "経営課題", "Business challenges";
    PubDeadline => "応募締切", "Apply by";
    PubRemoteOk => "リモート可", "Remote allowed";
    PubRemoteNo => "現地での仕事が中心", "Mainly on site";
    PubProjectTitle => "案件の詳細", "Project details";
    PubBackToSearch => "案件をさがす に戻る", "Back to Find projects";
    PubFee => "月額報酬", "Monthly fee";
    PubHours => "稼働時間", "Hours";
    PubOnsite => "現地訪問", "Days on site";
    PubRemote => "リモート", "Remote work";
    PubTravel => "交通費", "Travel costs";
    PubContract => "契約の形", "Contract type";
    PubPeriod => "期間", "Term";
    PubTrial => "（最初の{}はお試し期間）", " (the first {} are a trial)";
    PubStart => "開始予定日", "Planned start";
    PubWindow => "募集期間", "Applications open";
    PubBackground => "背景と経営者の想い", "Background and the owner's intentions";
    PubRole => "お願いしたい役割", "The role";
    PubTasks => "業務内容", "Tasks";
    PubDeliverables => "成果物", "Deliverables";
    PubRequiredSkills => "必須スキル", "Required skills";
    PubPreferredSkills => "歓迎スキル", "Preferred skills";
    PubRules => "成果物の権利と秘密保持", "Rights and confidentiality";
    PubIp => "知的財産の扱い", "Intellectual property";
    PubConfidentiality => "秘密保持", "Confidentiality";
    PubQuestions => "応募時の質問", "Screening questions";
    PubQuestionsHint => "応募するときに、提案と一緒にこれらの質問に答えます。", "When you apply you answer these questions along with your proposal.";
    PubApply => "この案件に応募する", "Apply to this project";
    PubApplySignIn => "応募するには、人材としてログインしてください。ログイン後、応募の画面に進みます。", "Please sign in as talent to apply. You will go straight to the application afterwards.";
    PubSignInToApply => "ログインして応募する", "Sign in to apply";
    PubApplyTalentOnly => "応募できるのは、人材として登録した方のみです。", "Only talent accounts can apply.";
    PubClosed => "この案件の募集は終了しました。", "Applications for this project have closed.";
    PubContractQuasiMandate => "業務委託（準委任）", "Service contract (quasi-mandate)";
    PubContractQuasiMandateHint => "作業した時間や内容に対して、毎月報酬が支払われる契約です。", "You are paid every month for the work done.";
    PubContractContracting => "業務委託（請負）", "Contract for a deliverable";
    PubContractContractingHint => "決めた成果物を納めたときに報酬が支払われる契約です。", "You are paid when the agreed deliverable is handed over.";
    PubContractAdvisory => "顧問契約", "Advisory retainer";
    PubContractAdvisoryHint => "相談役として、毎月決まった額が支払われる契約です。", "A fixed monthly fee for being available for advice.";
    PubContractProBono => "プロボノ（無償）", "Pro bono (unpaid)";
    PubContractProBonoHint => "報酬なしで、専門性を活かして協力する形です。", "You help with your expertise without a fee.";

    TalOnlyForTalent => "この画面は、人材として登録した方向けです。", "This page is for talent accounts.";
    TalMore => "さらに表示する", "Show more";
    TalRemove => "削除", "Remove";
    TalCaution => "注意", "Caution";

    TalRecommendedTitle => "あなたへのおすすめ", "Recommended for you";
    TalRecommendedLead => "プロフィールと募集条件を照らし合わせ、合う順に並べています。一致度（100点満点）と、その理由を確認できます。", "Open projects ranked by how well they fit your profile, with a score out of 100 and the reasons behind it.";
    TalReasons => "おすすめの理由", "Why this project";
    TalNeedProfile => "おすすめを表示するには、まずプロフィールを登録してください。スキル、稼働できる時間、ゆかりのある地域をもとに案件を選びます。", "Please write your profile first. Recommendations are chosen from your skills, your hours and the places you are tied to.";
    TalWriteProfile => "プロフィールを登録する", "Write my profile";
    TalEditProfile => "プロフィールを見直す", "Review my profile";
    TalNoRecommendations => "いまはおすすめできる案件がありません。すでに応募した案件は表示されません。条件を広げるか、案件一覧から探してみてください。", "There is nothing to recommend right now; projects you applied to are left out. Try widening your profile or browse all projects.";

    TalApplyTitle => "応募する", "Apply";
    TalApplyLead => "企業は提案を読んで返信します。なぜあなたが力になれるのか、最初の1〜3か月で何をするのかを具体的に書くと伝わります。", "The company reads your proposal before answering. Say why you can help and what you would do in the first one to three months.";
    TalProposal => "提案", "Proposal";
    TalProposalHint => "20文字以上。例: EC立ち上げの経験を活かし、最初の3か月で商品ページと広告を見直します。", "At least 20 characters. e.g. Drawing on launching online shops, I would rework the product pages and ads in the first three months.";
    TalProposalShort => "20文字以上で書いてください。", "Please write at least 20 characters.";
    TalProposalLong => "4000文字以内で書いてください。", "Please use at most 4000 characters.";
    TalAnswerHint => "2000文字以内で答えてください。", "Please answer in at most 2000 characters.";
    TalAnswerLong => "2000文字以内で書いてください。", "Please use at most 2000 characters.";
    TalApplySubmit => "この内容で応募する", "Send my application";
    TalApplySubmitting => "送信しています…", "Sending…";

    TalApplicationsTitle => "応募状況", "My applications";
    TalApplicationsLead => "応募した案件と、いまの状況です。企業は返信期限までに必ずお返事します。", "The projects you applied to and where each one stands. Companies answer by the reply deadline.";
    TalNoApplications => "まだ応募していません。気になる案件を探して、提案を送ってみましょう。", "You have not applied yet. Find a project that interests you and send a proposal.";
    TalAppliedOn => "応募日", "Applied on";
    TalAnswerBy => "企業の返信期限:", "Company answers by:";
    TalApplicationTitle => "応募の詳細", "Application";
    TalSeeProject => "案件の詳細を見る", "See the project";
    TalAppliedNotice => "応募しました。企業は返信期限までにお返事します。状況が変わるとお知らせが届きます。", "Your application has been sent. The company will answer by the reply deadline, and you will be notified of every change.";
    TalNow => "いまの状況", "Where it stands";
    TalTimeline => "これまでの流れ", "Timeline";
    TalNotYet => "まだです", "Not yet";
    TalDeclineReason => "理由:", "Reason:";
    TalYourProposal => "送った提案", "Your proposal";
    TalWithdrawTitle => "応募の辞退", "Withdraw";
    TalWithdrawHint => "辞退すると、企業にお知らせが届き、この応募は終了します。", "If you withdraw, the company is told and this application ends.";
    TalWithdraw => "応募を辞退する", "Withdraw my application";
    TalWithdrawConfirm => "本当に辞退しますか？ 辞退した応募は元に戻せません。", "Are you sure? A withdrawn application cannot be reopened.";
    TalWithdrawYes => "はい、辞退します", "Yes, withdraw";
    TalWithdrawNo => "辞退しない", "Keep my application";
    TalStatusApplied => "応募済み", "Applied";
    TalStatusShortlisted => "書類選考を通過", "Shortlisted";
    TalStatusInterviewing => "面談", "Interviewing";
    TalStatusOffered => "オファー", "Offered";
    TalStatusContracted => "契約成立", "Contracted";
    TalStatusDeclined => "お見送り", "Not selected";
    TalStatusWithdrawn => "辞退", "Withdrawn";
    TalNextApplied => "企業が提案を読んでいます。返信期限までにお返事が届きます。", "The company is reading your proposal and will answer by the deadline.";
    TalNextShortlisted => "書類選考を通過しました。面談の日程のご連絡をお待ちください。", "You are on the shortlist. The company will propose interview times.";
    TalNextInterviewing => "面談の段階です。日程とメッセージをご確認ください。", "You are at the interview stage. Please check the times and messages.";
    TalNextOffered => "オファーが届きました。企業から契約条件が届いたら、内容を確認して承諾します。", "You have an offer. When the company sends the contract terms, read them and accept.";
    TalNextContracted => "契約が成立しました。キックオフの準備を始めましょう。", "The contract is signed. Time to prepare the kickoff.";
    TalNextDeclined => "今回はご縁がありませんでした。ほかの案件もぜひご覧ください。", "This time it was not a match. Please have a look at other projects.";
    TalNextWithdrawn => "この応募は辞退しました。", "You withdrew this application.";

    TalScoutsTitle => "スカウト", "Scouts";
    TalScoutsLead => "企業やコーディネーターから「ぜひ応募してほしい」と届いた招待です。", "Invitations to apply from companies and coordinators.";
    TalNoScouts => "まだスカウトは届いていません。プロフィールを充実させ、「企業に見つけてもらう」をオンにすると届きやすくなります。", "No scouts yet. A complete profile, open to companies' searches, makes them more likely.";
    TalScoutTitle => "スカウトの内容", "Scout";
    TalScoutMessage => "届いたメッセージ", "Their message";
    TalScoutPending => "お返事待ち", "Awaiting your answer";
    TalScoutAccepted => "応募しました", "Accepted";
    TalScoutDeclined => "お断りしました", "Declined";
    TalScoutAccept => "応募して受ける", "Accept and apply";
    TalScoutAcceptHint => "提案と質問への回答を送ると、そのまま応募になります。", "Sending a proposal and your answers turns this scout into an application.";
    TalScoutAcceptSubmit => "応募してスカウトを受ける", "Accept and send my application";
    TalScoutDecline => "今回はお断りする", "Decline this time";
    TalScoutDeclineHint => "お断りすると、相手に丁寧なお知らせが届きます。", "If you decline, the sender receives a courteous notice.";
    TalScoutDeclineConfirm => "このスカウトをお断りしますか？ もう一度押すと確定します。", "Decline this scout? Press again to confirm.";
    TalScoutDeclineYes => "はい、お断りします", "Yes, decline";
    TalScoutDeclinedDone => "このスカウトはお断りしました。", "You declined this scout.";
    TalSeeApplication => "応募の状況を見る", "See the application";
    TalDeclineSkills => "求めるスキルとの違い", "The skills asked for differ";
    TalDeclineAvailability => "稼働時間や日程が合わなかったため", "The hours or schedule did not fit";
    TalDeclineFee => "報酬の条件が合わなかったため", "The fee did not fit";
    TalDeclineFilled => "募集人数に達したため", "The position has been filled";
    TalDeclineClosed => "募集を終了したため", "Recruitment has closed";
    TalDeclineOther => "ほかの方にお願いすることになったため", "Another candidate was chosen";
    TalDeclineNoResponse => "企業が期限内に返信できなかったため", "The company could not answer in time";
    TalDeclineOtherReason => "その他の理由", "Another reason";
    PubTravelCompanyPays => "企業が実費を負担します", "Paid by the company at cost";
    PubTravelIncluded => "報酬に含まれます", "Included in the fee";
    PubTravelNone => "現地訪問がないため、かかりません", "None: no visits on site";

    TalProfileTitle => "プロフィール", "Profile";
    TalProfileLead => "企業はこのプロフィールを見て、応募への返信やスカウトを決めます。おすすめの案件もここから選ばれます。", "Companies read this profile when answering applications and sending scouts, and your recommendations are chosen from it.";
    TalSections => "プロフィールの項目", "Profile sections";
    TalProfileSaved => "保存しました。おすすめの案件が更新されています。", "Saved. Your recommendations have been updated.";
    TalSave => "保存する", "Save";
    TalSaving => "保存しています…", "Saving…";
    TalSecAbout => "自己紹介", "About you";
    TalHeadline => "ひとことで言うと", "Headline";
    TalHeadlineHint => "120文字以内。例: 大手小売でEC立ち上げ10年のWebマーケター", "At most 120 characters, e.g. Web marketer who launched online shops at a large retailer for 10 years";
    TalBio => "経歴と想い", "Background and motivation";
    TalBioHint => "本業の経験、地域で活かしたいこと、稼働できる曜日や時間帯など。", "Your experience, what you want to bring to a region, the days and times you can work.";
    TalSecSkills => "スキル", "Skills";
    TalSkillsHint => "30個まで。選ぶと一覧に加わり、経験年数を入力できます。必須スキルの経験が3年未満だと、おすすめでは半分として数えます。", "Up to 30. A skill you pick joins the list, where you enter its years. A required skill practised under 3 years counts half in recommendations.";
    TalAddSkill => "スキルを追加", "Add a skill";
    TalYearsUnit => "年", "years";
    TalSecChallenges => "取り組める経営課題", "Challenges you can take on";
    TalChallengesHint => "15個まで選べます。", "Choose up to 15.";
    TalSecPlace => "住まいとゆかりのある地域", "Where you live and places you are tied to";
    TalResidence => "住まい", "Where you live";
    TalInJapan => "日本国内", "In Japan";
    TalAbroad => "海外", "Abroad";
    TalResidencePrefecture => "お住まいの都道府県", "Prefecture you live in";
    TalCountry => "お住まいの国", "Country you live in";
    TalCountryHint => "国コード（アルファベット大文字2文字）。例: シンガポールは SG、ドイツは DE", "Two-letter country code, e.g. SG for Singapore, DE for Germany";
    TalTies => "ゆかりのある地域", "Places you are tied to";
    TalTiesHint => "出身地、住んだことのある場所、応援したい場所など10か所まで。地域の企業は、ゆかりのある方を歓迎します。", "Up to 10: where you are from, have lived, or want to support. Regional companies welcome people with ties.";
    TalTiePlace => "都道府県", "Prefecture";
    TalTieKind => "つながり", "Tie";
    TalAddTie => "ゆかりのある地域を追加", "Add a place";
    TalSecTerms => "稼働の条件", "Working terms";
    TalHours => "月に使える時間", "Hours a month";
    TalHoursHint => "1〜200時間。多くの案件は月20〜40時間です。", "1 to 200. Most projects ask for 20 to 40 hours a month.";
    TalHoursUnit => "時間 / 月", "h / month";
    TalOnsite => "現地に行ける日数", "Days on site a month";
    TalOnsiteHint => "0〜20日。フルリモートなら0です。", "0 to 20. Enter 0 for fully remote.";
    TalDaysUnit => "日 / 月", "days / month";
    TalFee => "希望する月額報酬", "Monthly fee you hope for";
    TalFeeHint => "0〜2,000,000円。多くの案件は月3万〜15万円です。プロボノのみなら0。", "¥0 to ¥2,000,000. Most projects pay ¥30,000 to ¥150,000 a month. Enter 0 for pro bono only.";
    TalYenUnit => "円 / 月", "yen / month";
    TalRemoteOnly => "リモートのみ希望", "Remote only";
    TalRemoteOnlyHint => "現地訪問のある案件は、おすすめで低くなります。", "Projects with days on site rank lower in your recommendations.";
    TalContractTypes => "受けられる契約の形", "Contract types you accept";
    TalSecYou => "あなたについて", "About you (for matching)";
    TalAge => "年代", "Age band";
    TalEmployer => "本業の勤め先", "Main employer";
    TalMotivations => "参加する理由", "Why you take part";
    TalPermission => "本業の勤め先から副業の許可を得ています", "My main employer allows side work";
    TalPermissionHint => "多くの企業が契約前に確認します。", "Many companies check this before a contract.";
    TalInsurance => "賠償責任保険に加入しています", "I have liability insurance";
    TalInsuranceHint => "仕事で損害を与えた場合に備える保険です。", "Insurance for damage caused in the course of work.";
    TalSecVisibility => "公開と連絡先", "Visibility and contact";
    TalDiscoverable => "企業に見つけてもらう", "Let companies find me";
    TalDiscoverableHint => "オンにすると、企業やコーディネーターが検索とおすすめであなたを見つけ、スカウトを送れます。連絡先は表示されません。", "Companies and coordinators can find you in search and recommendations and send scouts. Your contact details are not shown.";
    TalPhone => "電話番号（任意）", "Phone (optional)";
    TalPhoneHint => "契約が成立した企業にだけ表示されます。例: 090-1234-5678", "Shown only to a company once a contract is signed, e.g. 090-1234-5678";
    TalAge20s => "20代", "20s";
    TalAge30s => "30代", "30s";
    TalAge40s => "40代", "40s";
    TalAge50s => "50代", "50s";
    TalAge60s => "60代以上", "60 or over";
    TalEmployerLarge => "大企業", "Large company";
    TalEmployerIt => "IT企業", "IT company";
    TalEmployerSmall => "中小企業", "Small or mid-sized company";
    TalEmployerPublic => "官公庁・団体", "Public sector";
    TalEmployerFreelance => "フリーランス", "Freelance";
    TalEmployerOther => "その他", "Other";
    TalTieHometown => "出身", "Hometown";
    TalTieLived => "住んだことがある", "Lived there";
    TalTieFan => "応援したい（ファン）", "A fan of the place";
    TalMotivationContribution => "地域に貢献したい", "To contribute to a region";
    TalMotivationHometown => "地元の力になりたい", "To help my home region";
    TalMotivationSkillUp => "経験の幅を広げたい", "To grow my skills";
    TalMotivationIncome => "収入を増やしたい", "To earn more";
    TalFeNumber => "半角または全角の数字で入力してください。", "Please enter a number.";
    TalFeMax120 => "120文字以内で入力してください。", "Please use at most 120 characters.";
    TalFeMax4000 => "4000文字以内で入力してください。", "Please use at most 4000 characters.";
    TalFeSkills30 => "スキルは30個までです。", "At most 30 skills.";
    TalFeYears => "経験年数は0〜60年で入力してください。", "Years must be between 0 and 60.";
    TalFeChallenges15 => "経営課題は15個までです。", "At most 15 challenges.";
    TalFeResidence => "お住まいの都道府県を選ぶか、海外を選んで国を入力してください。", "Choose the prefecture you live in, or choose Abroad and enter the country.";
    TalFeCountry => "日本以外の国コードを、アルファベット大文字2文字で入力してください（例: SG）。", "Enter a two-letter country code other than JP, e.g. SG.";
    TalFeTies10 => "ゆかりのある地域は10か所までです。", "At most 10 places.";
    TalFeHours => "1〜200時間で入力してください。", "Please enter 1 to 200 hours.";
    TalFeOnsite => "0〜20日で入力してください。", "Please enter 0 to 20 days.";
    TalFeFee => "0〜2,000,000円で入力してください。", "Please enter ¥0 to ¥2,000,000.";
    TalFeContractTypes => "1つ以上選んでください。", "Please choose at least one.";
    TalFePhone => "数字、ハイフン、スペース、+、( ) で入力してください。", "Use digits, hyphens, spaces, + and ( ) only.";
    TalFePhoneLong => "30文字以内で入力してください。", "Please use at most 30 characters.";
}
