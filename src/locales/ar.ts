import type { CompleteTranslation } from '../localization/localize.js';

/** Arabic plural categories: 0, 1, 2, 3 to 10, 11 to 99, and the rest (100, 101...). */
const plural = new Intl.PluralRules('ar');

/**
 * Arabic messages of every element, written right to left. Register them with
 * `registerTranslation(ar)`, and elements inside `lang="ar"` (or `ar-SA`, `ar-EG`...) then speak
 * Arabic and mirror their layout unless the page sets `dir` itself. The wording follows the
 * Arabic Teams client.
 */
export const ar = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  // Shared.
  commonRetry: 'إعادة المحاولة',
  commonDismiss: 'تجاهل',
  commonLoading: 'جارٍ التحميل…',
  commonSignInRequired: 'سجّل الدخول للمتابعة.',
  commonUnexpectedError: 'حدث خطأ ما. حاول مرة أخرى.',

  // <teams-sign-in>
  signInButton: 'تسجيل الدخول',
  signOutButton: 'تسجيل الخروج',
  signInProgress: 'جارٍ تسجيل الدخول…',
  signInRetry: 'حاول مرة أخرى',
  signInOnThisPage: 'تسجيل الدخول في هذه الصفحة',
  signInSignedInAs: (name) => `تم تسجيل الدخول باسم ${name}`,
  signInSignedOut: 'تم تسجيل الخروج',
  signInPopupBlocked: 'حظر المستعرض نافذة تسجيل الدخول. حاول مرة أخرى، أو سجّل الدخول في هذه الصفحة بدلاً من ذلك.',
  signInExpired: 'انتهت صلاحية تسجيل دخولك. سجّل الدخول مرة أخرى للمتابعة.',
  signInNetworkError: 'تعذّر على تسجيل الدخول الوصول إلى Microsoft. تحقق من الاتصال وحاول مرة أخرى.',
  signInAlreadyInProgress: 'هناك عملية تسجيل دخول جارية بالفعل في نافذة أخرى. أكملها هناك، أو حاول مرة أخرى.',
  signInFailed: 'فشل تسجيل الدخول. حاول مرة أخرى.',
  signInNotConfigured: 'لم يتم إعداد تسجيل الدخول في هذه الصفحة.',
  signInConfigurationInvalid: 'لم يتم إعداد تسجيل الدخول في هذه الصفحة بشكل صحيح.',
  signInDetailsForAuthor: 'تفاصيل لمالك الموقع:',

  // <teams-call>: controls.
  callTargetLabel: 'الشخص المطلوب الاتصال به',
  callTargetHint: 'عنوان البريد الإلكتروني أو معرّف كائن Entra. افصل بين عدة أشخاص بفواصل لإجراء مكالمة جماعية.',
  callStart: 'اتصال',
  callCancel: 'إلغاء',
  callAccept: 'قبول',
  callAcceptWithVideo: 'قبول مع الفيديو',
  callDecline: 'رفض',
  callHangUp: 'إنهاء المكالمة',
  callMute: 'كتم الصوت',
  callUnmute: 'إلغاء كتم الصوت',
  callCameraOn: 'تشغيل الكاميرا',
  callCameraOff: 'إيقاف تشغيل الكاميرا',
  callRetry: 'حاول مرة أخرى',
  callMeetingLabel: 'ارتباط الاجتماع أو معرّفه',
  callMeetingHint: 'ارتباط «الانضمام إلى الاجتماع» من الدعوة، أو معرّف الاجتماع مع رمز المرور.',
  callPasscodeLabel: 'رمز المرور',
  callJoin: 'انضمام',
  callLeave: 'مغادرة',
  callEndForEveryone: 'إنهاء للجميع',
  callHold: 'تعليق',
  callResume: 'استئناف',
  callAcceptEndingCurrent: 'إنهاء المكالمة والقبول',
  callAcceptEndingCurrentWithVideo: 'إنهاء المكالمة والقبول مع الفيديو',
  callAdmit: (name) => `السماح بدخول ${name}`,
  callAdmitAll: 'السماح بدخول الكل',
  callAdmitShort: 'سماح بالدخول',
  callRemoveShort: 'إزالة',
  callRemoveFromLobby: (name) => `إزالة ${name} من ساحة الانتظار`,
  callMicrophoneLabel: 'الميكروفون',
  callCameraLabel: 'الكاميرا',
  callSpeakerLabel: 'مكبر الصوت',
  callDeviceUnnamed: (position) => `الجهاز ${position}`,
  callNoDevices: 'لم يتم العثور على أي جهاز',
  callJoinNow: 'الانضمام الآن',
  callRaiseHand: 'رفع اليد',
  callLowerHand: 'خفض اليد',
  callReact: 'تفاعل',
  callReactionLike: 'أعجبني',
  callReactionHeart: 'أحببته',
  callReactionApplause: 'تصفيق',
  callReactionLaugh: 'ضحك',
  callReactionSurprised: 'مندهش',
  callStartMuted: 'البدء مع كتم الصوت',
  callStartWithCamera: 'الكاميرا قيد التشغيل',
  callMicrophoneLevel: 'مستوى الميكروفون',

  // <teams-call>: regions and tiles.
  callIncomingRegion: 'مكالمة واردة',
  callMeetingRegion: 'الانضمام إلى اجتماع',
  callLobbyRegion: 'في ساحة الانتظار',
  callParticipantsRegion: 'المشاركون',
  callDevicesRegion: 'الأجهزة',
  callPrejoinRegion: 'قبل الانضمام',
  callPrejoinCall: (name) => `تحقق من الكاميرا والميكروفون، ثم اتصل بـ ${name}.`,
  callPrejoinMeeting: 'تحقق من الكاميرا والميكروفون، ثم انضم إلى الاجتماع.',
  callPrejoinOpening: 'جارٍ فتح الكاميرا والميكروفون…',
  callPrejoinCameraOff: 'الكاميرا متوقفة عن التشغيل.',
  callPrejoinCameraFailed: 'لم تبدأ الكاميرا.',
  callYou: (name) => `${name} (أنت)`,
  callHandRaised: 'اليد مرفوعة',
  callHandRaisedOrder: (position) => `اليد مرفوعة (${position})`,
  callReactionsRegion: 'التفاعلات',
  callReactedBy: (name, reaction) => `تفاعل ${name}: ${reaction}`,
  callParticipantRinging: 'يرن',
  callParticipantConnecting: 'جارٍ الاتصال',
  callParticipantOnHold: 'قيد الانتظار',
  callControlsRegion: 'عناصر التحكم في المكالمة',
  callGalleryRegion: 'الفيديو',
  callYourVideo: 'الفيديو الخاص بك',
  callVideoOf: (name) => `فيديو ${name}`,
  callScreenOf: (name) => `الشاشة التي يشاركها ${name}`,
  callMuted: 'تم كتم الصوت',
  callTileMuted: (label) => `${label}، الصوت مكتوم`,
  callTileHandRaised: (label) => `${label}، اليد مرفوعة`,
  callTileSpeaking: (label) => `${label}، يتحدث`,
  callSpeaking: 'يتحدث',
  callVideoLoading: 'جارٍ تحميل الفيديو…',
  callVideoUnavailable: 'تعذّر عرض الفيديو.',
  callUnknownPerson: 'شخص غير معروف',

  // <teams-call>: status.
  callSignInPrompt: 'سجّل الدخول لإجراء المكالمات وتلقيها.',
  callSigningIn: 'جارٍ تسجيل الدخول…',
  callLoadingModule: 'جارٍ تحميل الاتصال…',
  callCreatingAgent: 'جارٍ الاتصال بـ Teams…',
  callReadyForIncoming: 'جاهز لتلقي المكالمات.',
  callAgentDisconnected: 'انقطع الاتصال بـ Teams. لا يمكن بدء المكالمات أو تلقيها حتى يعود الاتصال.',
  callResolving: (target) => `جارٍ البحث عن ${target}…`,
  callConnecting: (name) => `جارٍ الاتصال بـ ${name}…`,
  callRinging: (name) => `جارٍ الرنين لدى ${name}…`,
  callConnected: (name) => `في مكالمة مع ${name}`,
  callInMeeting: (others) => {
    switch (others === 0 ? 'zero' : plural.select(others)) {
      case 'zero':
        return 'في الاجتماع. لا يوجد أحد آخر هنا بعد.';
      case 'one':
        return 'في الاجتماع مع شخص واحد آخر';
      case 'two':
        return 'في الاجتماع مع شخصين آخرين';
      case 'few':
        return `في الاجتماع مع ${others} أشخاص آخرين`;
      case 'many':
        return `في الاجتماع مع ${others} شخصًا آخر`;
      default:
        return `في الاجتماع مع ${others} شخص آخر`;
    }
  },
  callJoiningMeeting: 'جارٍ الانضمام إلى الاجتماع…',
  callFindingChat: 'جارٍ البحث عن الدردشة الجماعية للمكالمة…',
  callReconnecting: 'جارٍ إعادة الاتصال… ستستمر المكالمة بمجرد عودة الاتصال.',
  callIncomingDuringCall: (name) => `${name} يتصل بك. سيؤدي القبول إلى إنهاء مكالمتك الحالية.`,
  callLobbyWaiting: (count) => {
    switch (plural.select(count)) {
      case 'one':
        return 'شخص واحد ينتظر في ساحة الانتظار.';
      case 'two':
        return 'شخصان ينتظران في ساحة الانتظار.';
      case 'few':
        return `${count} أشخاص ينتظرون في ساحة الانتظار.`;
      case 'many':
        return `${count} شخصًا ينتظرون في ساحة الانتظار.`;
      default:
        return `${count} شخص ينتظرون في ساحة الانتظار.`;
    }
  },
  callInLobby: 'في ساحة الانتظار إلى أن يسمح لك أحد بالدخول…',
  callLocalHold: 'المكالمة قيد الانتظار.',
  callRemoteHold: (name) => `وضع ${name} المكالمة قيد الانتظار.`,
  callDisconnecting: 'جارٍ إنهاء المكالمة…',
  callIncoming: (name) => `${name} يتصل بك`,

  // <teams-call>: why a call ended.
  callEndedNormally: 'انتهت المكالمة.',
  callEndedLeftMeeting: 'لقد غادرت الاجتماع.',
  callEndedLeftGroupCall: 'لقد غادرت المكالمة.',
  callEndedForEveryone: 'تم إنهاء المكالمة للجميع.',
  callEndedMissed: (name) => `فاتتك مكالمة من ${name}.`,
  callEndedRemovedFromLobby: 'تمت إزالتك من ساحة انتظار الاجتماع.',
  callEndedLobbyTimeout: 'لم يسمح لك أحد بالدخول من ساحة الانتظار في الوقت المحدد.',
  callEndedInteropDisabled: 'لا يسمح هذا الاجتماع بانضمام أشخاص من خارج Teams.',
  callEndedNotAllowed: 'لا تسمح مؤسستك بالاتصال بهذا الشخص.',
  callEndedCallNotFound: 'تعذّر العثور على المكالمة. ربما تكون قد انتهت بالفعل.',
  callEndedPersonNotFound: 'تعذّر العثور على هذا الشخص. تحقق من العنوان أو معرّف الكائن.',
  callEndedNoResponse: 'تعذّر توصيل المكالمة: لم تكن هناك استجابة.',
  callEndedNoAnswer: (name) => `لم يرد ${name}.`,
  callEndedDeclined: (name) => `رفض ${name} المكالمة.`,
  callEndedYouDeclined: 'لقد رفضت المكالمة.',
  callEndedCancelled: 'تم إلغاء المكالمة قبل الرد عليها.',
  callEndedAnsweredElsewhere: 'تم الرد على المكالمة على جهاز آخر.',
  callEndedNetwork: 'انتهت المكالمة بسبب مشكلة في الشبكة. تحقق من الاتصال واتصل مرة أخرى.',
  callEndedOffline: 'انتهت المكالمة لأنك أصبحت غير متصل.',
  callEndedToken: 'انتهت المكالمة لأن صلاحية تسجيل دخولك انتهت. سجّل الدخول مرة أخرى، ثم اتصل مرة أخرى.',
  callEndedTooLong: 'انتهت المكالمة لأنها بلغت الحد الأقصى للمدة.',
  callEndedUnknown: (code, subCode) => `انتهت المكالمة (الرمز ${code}، الرمز الفرعي ${subCode}).`,

  // <teams-call>: why a call could not start.
  callErrorTargetMissing: 'أدخل عنوان البريد الإلكتروني أو معرّف الكائن للشخص المطلوب الاتصال به.',
  callErrorTargetInvalid: (value) => `«${value}» ليس عنوان بريد إلكتروني أو معرّف كائن. أدخل عنوانًا مثل adele@contoso.com.`,
  callErrorTargetSelf: 'لا يمكنك الاتصال بنفسك. أدخل عنوان شخص آخر.',
  callErrorTargetNotFound: (value) => `لم يتم العثور على أي شخص بالعنوان ${value} في مؤسستك. تحقق من العنوان، أو أدخل معرّف الكائن للشخص.`,
  callErrorLookupForbidden: 'لا يُسمح لحسابك بالبحث عن الأشخاص. أدخل معرّف الكائن للشخص، أو اسأل المسؤول.',
  callErrorLookupFailed: 'تعذّر البحث عن الشخص. تحقق من الاتصال وحاول مرة أخرى.',
  callErrorInProgress: 'هناك مكالمة جارية بالفعل. أنهِ المكالمة أولاً.',
  callErrorStartFailed: 'تعذّر بدء المكالمة. حاول مرة أخرى.',
  callErrorAcceptFailed: 'تعذّر الرد على المكالمة. ربما تكون قد انتهت.',
  callErrorModuleFailed: 'تعذّر تحميل الاتصال. تحقق من الاتصال وحاول مرة أخرى.',
  callErrorAgentFailed: 'تعذّر الاتصال بخدمة المكالمات في Teams. حاول مرة أخرى.',
  callErrorExchangeRefused: (status) => `رفضت نقطة نهاية تبادل الرموز المميزة الطلب (HTTP ${status}). تحقق من إعداد exchange-url.`,
  callErrorExchangeMisconfigured: 'لم تُرجع نقطة نهاية تبادل الرموز المميزة رمزًا مميزًا للمكالمات. تحقق من إعداد exchange-url.',
  callErrorExchangeUnauthorized: 'لم تقبل نقطة نهاية تبادل الرموز المميزة تسجيل دخولك. سجّل الخروج ثم سجّل الدخول مرة أخرى، ثم أجرِ المكالمة.',
  callErrorExchangeForbidden: 'لا تسمح نقطة نهاية تبادل الرموز المميزة بالمكالمات من حسابك أو مؤسستك أو هذه الصفحة. تواصل مع مسؤول الموقع.',
  callErrorExchangeThrottled: 'نقطة نهاية تبادل الرموز المميزة مشغولة. انتظر دقيقة، ثم حاول مرة أخرى.',
  callErrorExchangeUnavailable: 'تعذّر الوصول إلى نقطة نهاية تبادل الرموز المميزة. تحقق من الاتصال وحاول مرة أخرى.',
  callErrorSignedOut: 'سجّل الدخول مرة أخرى لإجراء المكالمة.',
  callErrorTargetDuplicate: 'تم ذكر الشخص نفسه مرتين. اذكر كل شخص مرة واحدة.',
  callErrorGroupChatForbidden: 'قد لا يُسمح لحسابك بإنشاء الدردشة الجماعية التي تحتاجها المكالمة الجماعية. اطلب إذن الدردشة من المسؤول.',
  callErrorGroupChatFailed: 'تعذّر العثور على الدردشة الجماعية للمكالمة أو إنشاؤها. تحقق من الاتصال وحاول مرة أخرى.',
  callErrorMeetingMissing: 'أدخل ارتباط الاجتماع، أو معرّف الاجتماع ورمز المرور.',
  callErrorMeetingLinkInvalid: 'هذا ليس ارتباط اجتماع Teams. انسخ ارتباط «الانضمام إلى الاجتماع» بالكامل من الدعوة.',
  callErrorMeetingIdInvalid: (value) => `«${value}» ليس ارتباط اجتماع أو معرّفه. يتكون معرّف الاجتماع من 10 إلى 15 رقمًا.`,
  callErrorPasscodeInvalid: 'يحتوي رمز المرور على أحرف لا يحتوي عليها رمز مرور Teams أبدًا. انسخه من الدعوة.',
  callErrorHoldFailed: 'تعذّر تعليق المكالمة أو استئنافها. حاول مرة أخرى.',
  callErrorHangUpFailed: 'فشل إنهاء المكالمة. حاول مرة أخرى.',
  callErrorLobbyFailed: 'تعذّر تحديث ساحة الانتظار. ربما غادر الشخص؛ حاول مرة أخرى.',

  // <teams-call>: device problems.
  callCameraPermissionDenied: 'حظر المستعرض الكاميرا. اسمح بالوصول إلى الكاميرا لهذا الموقع في إعدادات الموقع في المستعرض، ثم شغّل الكاميرا مرة أخرى.',
  callCameraInUse: 'يستخدم تطبيق آخر الكاميرا. أغلق ذلك التطبيق، ثم شغّل الكاميرا مرة أخرى.',
  callCameraNotFound: 'لم يتم العثور على كاميرا. وصّل كاميرا، ثم شغّلها مرة أخرى.',
  callCameraFailed: 'تعذّر تشغيل الكاميرا. حاول مرة أخرى.',
  callMicrophonePermissionDenied: 'حظر المستعرض الميكروفون، لذا لا يمكن للشخص الآخر سماعك. اسمح بالوصول إلى الميكروفون لهذا الموقع في إعدادات الموقع في المستعرض.',
  callMicrophoneInUse: 'يستخدم تطبيق آخر الميكروفون. أغلق ذلك التطبيق حتى يتمكن الشخص الآخر من سماعك.',
  callMicrophoneNotFound: 'لم يتم العثور على ميكروفون. وصّل ميكروفونًا حتى يتمكن الشخص الآخر من سماعك.',
  callMicrophoneFailed: 'تعذّر تشغيل الميكروفون.',
  callSpeakerFailed: 'تعذّر تحديد مكبر الصوت هذا. اختر مكبر صوت آخر.',

  // <teams-screen-share>
  screenShareStart: 'مشاركة الشاشة',
  screenShareStop: 'إيقاف المشاركة',
  screenShareSignInPrompt: 'سجّل الدخول لمشاركة شاشتك.',
  screenShareNoCall: 'ابدأ مكالمة أو انضم إلى مكالمة لمشاركة شاشتك.',
  screenShareSharing: 'أنت تشارك شاشتك.',
  screenShareRemote: (name) => `${name} يشارك شاشته`,
  screenShareUnknownPerson: 'شخص ما',
  screenShareViewLabel: (name) => `الشاشة التي يشاركها ${name}`,
  screenShareLoading: 'جارٍ تحميل الشاشة المشتركة…',
  screenShareUnavailable: 'تعذّر عرض الشاشة المشتركة.',
  screenSharePermissionDenied: 'حظر المستعرض مشاركة الشاشة. اسمح بها لهذا الموقع في إعدادات الموقع في المستعرض، ثم حاول مرة أخرى.',
  screenShareFailed: 'تعذّر بدء مشاركة الشاشة. حاول مرة أخرى.',

  // <teams-chat>: signed out and loading.
  chatSignInPrompt: 'سجّل الدخول للدردشة مع جهات اتصالك في Teams.',
  chatSigningIn: 'جارٍ تسجيل الدخول…',
  chatSignIn: 'تسجيل الدخول',
  chatLoadingChats: 'جارٍ تحميل الدردشات…',
  chatLoadingMessages: 'جارٍ تحميل الرسائل…',
  chatLoadingOlder: 'جارٍ تحميل الرسائل الأقدم…',

  // <teams-chat>: the chat list.
  chatListLabel: 'الدردشات',
  chatNoChats: 'ليست لديك أي دردشات بعد.',
  chatNoChatsMatch: (filter) => `لا توجد دردشة تطابق «${filter}».`,
  chatUntitled: 'دردشة',
  chatSelectPrompt: 'حدد دردشة لقراءة رسائلها.',
  chatFilterLabel: 'تصفية الدردشات حسب الاسم',
  chatFilterPlaceholder: 'تصفية حسب الاسم',
  chatUnread: 'غير مقروءة',
  chatMeeting: 'دردشة اجتماع',
  chatGroup: 'دردشة جماعية',
  chatPreviewOwn: (text) => `أنت: ${text}`,
  chatPreviewFrom: (sender, text) => `${sender}: ${text}`,
  chatNewChat: 'دردشة جديدة',

  // <teams-chat>: starting a chat.
  chatNewChatTitle: 'دردشة جديدة',
  chatPeopleSearchLabel: 'البحث عن أشخاص بالاسم أو البريد الإلكتروني',
  chatPeopleSearching: 'جارٍ البحث…',
  chatPeopleNoneFound: (text) => `لا يوجد أحد في مؤسستك يطابق «${text}».`,
  chatPeopleChosen: 'الأشخاص في الدردشة الجديدة',
  chatRemovePerson: (name) => `إزالة ${name}`,
  chatTopicLabel: 'اسم المجموعة (اختياري)',
  chatStartChat: 'بدء الدردشة',
  chatStartingChat: 'جارٍ بدء الدردشة…',
  chatCancel: 'إلغاء',
  chatNewChatHint: 'اختر شخصًا واحدًا لدردشة فردية، أو عدة أشخاص لدردشة جماعية.',

  // <teams-chat>: the thread.
  chatMessagesLabel: 'الرسائل',
  chatNoMessages: 'لا توجد رسائل بعد.',
  chatShowOlder: 'إظهار الرسائل الأقدم',
  chatOlderFailed: 'تعذّر تحميل الرسائل الأقدم.',
  chatBeginning: 'هذه بداية الدردشة.',
  chatNewMessages: (count) => {
    switch (plural.select(count)) {
      case 'one':
        return 'رسالة جديدة واحدة';
      case 'two':
        return 'رسالتان جديدتان';
      case 'few':
        return `${count} رسائل جديدة`;
      default:
        return `${count} رسالة جديدة`;
    }
  },
  chatYou: 'أنت',
  chatUnknownSender: 'مرسل غير معروف',
  chatMessageDeleted: 'تم حذف هذه الرسالة.',
  chatOwnMessageDeleted: 'لقد حذفت هذه الرسالة.',
  chatUndo: 'تراجع',
  chatEdited: 'تم التحرير',
  chatEditedAt: (time) => `تم التحرير ${time}`,
  chatToday: 'اليوم',
  chatYesterday: 'أمس',
  chatMembersAdded: (initiator, members) => `أضاف ${initiator} ${members}.`,
  chatMembersAddedBySomeone: (members) => `انضم ${members} إلى الدردشة.`,
  chatMembersRemoved: (initiator, members) => `أزال ${initiator} ${members}.`,
  chatMemberLeft: (member) => `غادر ${member} الدردشة.`,
  chatMembersRemovedBySomeone: (members) => `غادر ${members} الدردشة.`,
  chatRenamed: (initiator, topic) => `سمّى ${initiator} الدردشة «${topic}».`,
  chatRenamedBySomeone: (topic) => `تمت تسمية الدردشة «${topic}».`,
  chatCallEnded: (duration) => `انتهت المكالمة بعد ${duration}.`,
  chatMeetingEnded: (duration) => `انتهى الاجتماع بعد ${duration}.`,
  chatCallEndedNoDuration: 'انتهت المكالمة.',
  chatMeetingEndedNoDuration: 'انتهى الاجتماع.',
  chatEventOther: 'تم تحديث الدردشة.',

  // <teams-chat>: attachments, reactions and inline images.
  chatAttachmentFile: 'ملف',
  chatAttachmentOpen: (name) => `فتح ${name}`,
  chatAttachmentNoLink: 'لا يحتوي الملف على ارتباط يمكن فتحه هنا.',
  chatAttachmentCard: 'بطاقة',
  chatAttachmentUnknown: 'مرفق',
  chatAttachmentUnsupported: 'لا يمكن عرض هذا المرفق هنا. افتح الدردشة في Teams لرؤيته.',
  chatQuoteFrom: (sender) => `رد على ${sender}`,
  chatImageFailed: 'تعذّر تحميل الصورة.',
  chatImageLoading: 'جارٍ تحميل الصورة…',
  chatReactionsLabel: 'التفاعلات',
  chatReaction: (emoji, count, names) => `${emoji} ${count}: ${names}`,
  chatReactionYou: 'أنت',

  // <teams-chat>: message options.
  chatMessageOptions: 'خيارات الرسالة',
  chatReact: (emoji) => `التفاعل بـ ${emoji}`,
  chatEdit: 'تحرير',
  chatDelete: 'حذف',
  chatActionFailed: 'لم ينجح ذلك. حاول مرة أخرى.',

  // <teams-chat>: sending and the composer.
  chatComposerLabel: 'اكتب رسالة',
  chatSend: 'إرسال',
  chatSave: 'حفظ',
  chatSending: 'جارٍ الإرسال…',
  chatSent: 'تم الإرسال',
  chatNotSent: 'لم يتم الإرسال.',
  chatWaitingToSend: 'لم يتم الإرسال بعد. سيتم إرسالها عند عودة الاتصال.',
  chatRetrying: 'لم يتم الإرسال بعد. ستتم إعادة المحاولة قريبًا…',
  chatDiscard: 'تجاهل',
  chatEditing: 'جارٍ تحرير رسالة',
  chatCancelEdit: 'إلغاء التحرير',
  chatEmojiButton: 'إدراج رمز تعبيري',
  chatEmojiPicker: 'الرموز التعبيرية',
  chatMentionSuggestions: 'أشخاص للإشارة إليهم',
  chatMentionNone: 'لا يوجد عضو مطابق.',

  // <teams-chat>: updates.
  chatSlowedDown: 'تم إبطاء التحديثات لأن Microsoft Teams طلب من هذه الصفحة الانتظار.',
  chatNextCheck: (seconds) => `التحقق التالي بعد ${seconds} ث.`,

  // <teams-chat>: announcements for screen readers.
  chatNewMessageFrom: (sender, text) => `رسالة جديدة من ${sender}: ${text}`,
  chatSendFailedAnnouncement: 'لم يتم إرسال رسالتك.',

  // <teams-chat>: errors.
  chatErrorSignIn: 'انتهت صلاحية تسجيل دخولك. سجّل الدخول مرة أخرى للدردشة.',
  chatErrorForbidden: 'ليس لديك حق الوصول إلى هذه الدردشة.',
  chatErrorNotFound: 'لم يتم العثور على هذه الدردشة. اختر دردشة من القائمة.',
  chatErrorThrottled: 'Microsoft Teams مشغول. حاول مرة أخرى بعد قليل.',
  chatErrorUnavailable: 'لم يستجب Microsoft Teams. حاول مرة أخرى.',
  chatErrorNetwork: 'تعذّر الوصول إلى Microsoft Teams. تحقق من الاتصال.',
  chatErrorTooLarge: 'الرسالة طويلة جدًا. اختصرها وحاول مرة أخرى.',
  chatErrorTooLargeDetail: (bytes, maximum) => `الرسالة طويلة جدًا (${bytes} من ${maximum} بايت كحد أقصى). اختصرها أو قسّمها إلى عدة رسائل.`,
  chatErrorInvalid: 'رفض Microsoft Teams الطلب.',
  chatErrorConfiguration: 'لم يتم إعداد الدردشة في هذه الصفحة.',
  chatClose: 'إغلاق',
} satisfies CompleteTranslation;
