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
}
