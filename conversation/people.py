"""People named in one conversation: HR staff and managers go through a team (「同事陳怡君有…」→「另一位
同事 Kevin…」→「回到怡君，她的…呢？」), so each named person's stated facts are kept apart and a later
mention of the name brings that person's facts back.

Why a reading of names at all: without it the facts of the person named last answer every question,
and 「回到怡君」 silently reports Kevin's result. Names are read only where a sentence introduces someone
(after 同事, 員工, 學員…, "colleague", "employee"…) or returns to them (「回到」, "back to"); a name seen
once is then recognised anywhere, also by the given name alone (陳怡君 → 怡君).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.textnorm import reads_as_english

# words that introduce a person, then the name: two or three Chinese characters (not starting with a
# word that goes on the sentence: 「同事有三張」 names nobody), or a capitalised Latin word
_INTRO_ZH = (
    r"(?:同事|員工|學員|學生|同學|部屬|下屬|同仁|新人|組員|成員|應徵者|候選人|另一位|另外一位|另一名|下一位|工程師|專員|主管"
    # (「學弟妹」「學長姐」 are juniors or seniors in general, no one named)
    r"|共同創辦人|合夥人|夥伴|朋友|室友|學長(?!姐)|學姐|學弟(?!妹)|學妹|實習生"
    # (the same words in Simplified script: people are read in the script the user typed)
    r"|员工|学员|学生|同学|部属|下属|组员|成员|应征者|候选人|另一名|下一位|工程师|专员|实习生|伙伴"
    r"|第[一二三四五六七八九十\d]{1,2}(?:位|個人|個|名|个人|个)(?:同事|學生|同學|學員|員工|應徵者|候選人|学生|同学|学员|员工)?"
    # 「另外新來一個怡萱」「新加入一個詠晴」「換一個新同學睿哲」: someone joining the people talked about
    r"|(?:新來|新加入|剛加入|新進)的?(?:一個|一位|一名)?(?:新)?(?:同學|同事|學生|成員|組員|員工|學員)?"
    r"|(?:換|換成|補|補上|加|加入)了?(?:一個|一位|一名)新?(?:同學|同事|學生|成員|組員|員工|學員)?"
    r"|(?:同組|同部門|同團隊|組上|隔壁組)的)"
)
_NAME_ZH = (
    r"(?![不被把讓給對用去來會有是的也都在說想要只還上考拿做沒這那他她我你們跟和與又再已一二三四五六七八九十兩幾每各第最如假若萬應該能可怎為個位名人問叫覺認希請讓表誰什哪前後下自看幫剛刚"
    rf"让给对来会说还这们与两万应该为个问觉认请谁么后帮算定]|[學学][完了過过會会]|{_INTRO_ZH})"
    r"[\u4e00-\u9fff]{2,3}?"
)
_STOP_ZH = r"(?=[做評有的，,。只也還考上是想要在呢嗎跟和與、：:\s（(則今去目現比沒]|$)"
INTRO = re.compile(
    rf"{_INTRO_ZH}\s*(?:是|叫|叫做|名叫)?\s*(?P<zh>{_NAME_ZH}){_STOP_ZH}"
    rf"|(?:{_INTRO_ZH}|回到|回來看|換回|再看|至於|回来看|换回|至于)\s*(?:叫|叫做|名叫)?\s*(?P<zh_en>[A-Z][a-z]+|[A-Z])(?![A-Za-z])"
    r"|(?:回到|回來看|換回|再看|至於|回来看|换回|至于)\s*(?P<back>" + _NAME_ZH + ")" + _STOP_ZH + r"|"
    # 「先講小美：…」「再來是阿傑：…」: going through people one by one
    # 「第一位學員：素養課 18 小時…」「第二位學員只有一張…」: people labelled only by their order
    # 「行政助理小美」「業務阿凱只考過…」「设计师小周」: a job title right before a nickname
    r"(?:行政助理|業務助理|助理|業務員|業務專員|業務|行政|會計|設計師|秘書|客服|工讀生|企劃|行銷|分析師|研究員|PM"
    r"|业务员|业务|会计|设计师|企划|行销|分析师|研究员)"
    r"(?P<titled>(?![小][時时姐]|老[師师闆板])[小阿老][\u4e00-\u9fff])(?=[^\u4e00-\u9fff]|$|有|上|考|拿|只|沒|没|也|都|看|呢|的)|"
    r"(?P<label>第[一二三四五六七八九十\d]{1,2}位)(?:同事|學生|同學|學員|員工|應徵者|候選人)?"
    r"(?=\s*[：:]|\s*(?:只有|也有|有|上過|上了|考過|考了|考到|拿到|沒有|沒上|沒證照)"
    # (「第一位 素養十八小時 文書十八小時；第二位 …」: a space, then their hours)
    r"|\s+[^\s，,。；;]{1,6}?[\d一二三四五六七八九十兩])|"
    r"(?:先講|先說|先看|先問|再來是|再來|再問|接著是|接著問|然後是|接下來是|接下來|下一個是|下一位是?"
    # (the same in Simplified: 「先说老张：…」「再来是小周：…」)
    r"|先讲|先说|先问|再来是|再来|再问|接着是|接着问|然后是|接下来是|接下来|下一个是)\s*"
    r"(?P<next>" + _NAME_ZH + r"(?<![喔哦啊吧啦呀耶欸])|[A-Z][a-z]+|[A-Z]|[甲乙丙丁])(?=\s*[：:，,])|"
    # 「她呢？小芳 素養20h、圖文25h」: someone asked about, then named with their facts
    r"(?:那)?(?:她|他)呢\s*[？?]\s*(?P<asked_named>" + _NAME_ZH + r")"
    r"(?=\s*[：:，,]?\s*(?:素養|素养|工具|文書|文书|圖文|图文|影像|音源|自動化|自动化|程式|程序|模型|服務|服务"
    r"|有|上過|上过|考過|考过|\d))|"
    # 「先從小陳開始：他有…」「从老王开始」: the first of several gone through
    r"(?:先從|從|先从|从)\s*(?P<start>" + _NAME_ZH + r")\s*(?:開始|开始)|"
    # 「幫我看我們組的志明：素養課…」: someone a look is asked for, their facts after the colon
    r"(?:幫|帮)(?:我|忙)?\s*(?:看|算|評估|评估|盤點|盘点|查|檢視)(?:一下|下)?\s*(?:[^，。,：:]{0,8}?的)?"
    r"(?P<for_colon>" + _NAME_ZH + r")(?=\s*[：:])|"
    # 「幫品管課的阿明做能力盤點」: someone a task is done for
    r"(?:幫|替|為)(?:[^，。,]{0,6}?的|(?:我|我們)?的?" + _INTRO_ZH + r")?"
    r"(?P<for>" + _NAME_ZH + r")(?=做|評估|評|盤點|看|檢視|算|查|問)|"
    # ("Candidate 2: …" "Employee 3 has…": people labelled by a number)
    r"\b(?P<en_num>(?:[Cc]andidate|[Ee]mployee|[Pp]erson|[Aa]pplicant|[Ss]taff|[Tt]rainee|[Ll]earner|[Ss]tudent)\s*#?\d{1,2})"
    # (not "Employee 2, Ben, has…": the name in apposition is who they are)
    r"(?!\s*,\s*[A-Z][a-z]{2,}\s*,)(?=\s*[:：,]|\s+(?:has|holds|had|got|passed|took|did|completed|earned|only)\b)|"
    r"\b(?i:colleague|employee|engineer|staff member|team member|candidate|intern|trainee|hire|person|learner"
    # ("adding Carol: …", "we hired Dan, who has…", "new guy Marco")
    r"|student|applicant|participant|member|adding|add|hired|new guy|new hire|new girl|welcome)(?:,|:)?\s+"
    # ("Employee A has…", "Back to A:": a single capital letter labels someone too)
    r"(?P<en>[A-Z][a-z]+|[A-Z])(?![A-Za-z])|"
    # "Compare him with Sarah, who only has X": someone brought in beside the one talked about
    r"\b(?i:with|and|to|versus|vs\.?|against)\s+(?P<en_who>[A-Z][a-z]+),?\s+(?i:who)\s+(?i:only\s+|just\s+|also\s+)?"
    r"(?i:has|holds|had|got|did|took|passed|completed)\b|"
    # "Priya on my team: 25h literacy…": someone placed in the user's team, then their facts
    r"(?P<en_team>[A-Z][a-z]{2,})\s+(?:on|from|in)\s+(?:my|our)\s+(?:team|group|department|class|unit)\b|"
    # "And Ben? He has…": a name asked about on its own, then what is said of them
    r"(?:^|(?<=[.!?]\s))(?i:and|now|then)\s+(?P<en_and>[A-Z][a-z]+)(?=\s*[?？,，:：])|"
    # "Second, Marco. He has…" "Finally, Lena: …": people gone through in order, each opened by an ordinal
    # ("Third one, Mei." "The second person: Ken.")
    r"(?:^|(?<=[.!?;]\s))(?i:the\s+)?(?i:first|second|third|fourth|fifth|next|then|lastly|finally|and finally|last)"
    r"(?:\s+(?i:one|person|employee|candidate|colleague|staff member|trainee))?\s*[,:：]?\s+"
    r"(?P<en_ord>[A-Z][a-z]+)(?=\s*[.:：,，;])|"
    # "One of my analysts, Mei, has…" "my intern Jo has…": someone named after who they are to the user
    r"\b(?i:one of (?:my|our)|my|our)\s+(?:[a-z]+\s+)?[a-z]{3,},?\s+(?P<en_one>[A-Z][a-z]+)"
    r"(?=\s*,|\s+(?:has|holds|had|got|passed|took|did|completed|earned|only)\b)|"
    r"\b(?i:back to|returning to|now for|and for|what about)\s+"
    r"(?P<en_back>[A-Z][a-z]+|[A-Z](?=\s*[:：,，]))(?![A-Za-z])"
)
NOT_NAMES = frozenset(
    {"The", "She", "He", "They", "Her", "His", "Their", "This", "That", "AI", "What", "How", "Me", "My", "Our"}
    # words that head a remark ("Correction: her course was 3 days", "Update: …"), not names
    | {"Correction", "Update", "Note", "Also", "Next", "Btw", "Question", "Edit", "Oops", "Sorry", "Actually", "Wait"}
    # (「…证书没有。」: what one holds, never a name)
    | {"證書", "证书", "證照", "证照", "認證", "认证", "課程", "课程", "時數", "时数"}
    # how to answer ("Answer in English: …", "Reply in Chinese"), not whom about
    | {"English", "Chinese", "Mandarin", "Answer", "Reply", "Respond", "Please", "Translate", "Summary", "Summarize"}
    # 「回到正題」「回到剛剛的證照」: where the talk returns to, not whom
    | {"正題", "正题", "原本", "現實", "现实", "實際", "实际", "剛剛", "刚刚", "剛才", "刚才", "前面", "上面"}
    | {"主題", "主题", "話題", "话题", "重點", "重点", "開始", "开始", "最初", "之前", "原來", "原来"}
    | {"問題", "问题", "我們", "我们", "現在", "现在", "目前", "今天", "這邊", "这边", "那邊", "那边", "這裡", "这里"}
    | {"那裡", "那里", "題目", "题目", "上一題", "一開始", "一开始", "剛剛的", "原本的", "真實", "真实", "實際的"}
    # how a task is done (「幫我逐一看」「幫他們分別算」), not whom for
    | {"逐一", "一一", "分別", "各自", "全部", "一起", "一下", "順便", "直接", "大家", "他們", "她們", "我們", "每個"}
    | {"另外", "此外", "還有", "然後", "接著"}  # (「如果學員另外考到 X」: how it goes on, not who)
    # adverbs right after who is meant (「第四位明明沒有專案類」「第二位其實有…」), not names
    | {
        "明明",
        "其實",
        "其实",
        "已經",
        "已经",
        "好像",
        "應該",
        "应该",
        "一直",
        "根本",
        "真的",
        "居然",
        "竟然",
        "確實",
        "确实",
    }
    | {"本來", "本来", "當然", "当然", "也許", "也许", "大概", "似乎", "根本上", "好歹", "只是", "還是", "还是"}
    # what is done for them (「幫三位學員規劃考照」「替員工安排課程」), not who
    | {
        "規劃",
        "规划",
        "安排",
        "準備",
        "准备",
        "評估",
        "评估",
        "報名",
        "报名",
        "申請",
        "申请",
        "挑選",
        "挑选",
        "選擇",
        "选择",
    }
    # a fact area said with a note in brackets (「自動化(n8n那種)三十小時」), not who
    | {
        "素養",
        "素养",
        "文書",
        "文书",
        "圖文",
        "图文",
        "影像",
        "音源",
        "自動化",
        "自动化",
        "程式",
        "程序",
        "模型",
        "服務",
        "服务",
    }
    # how many of them (「學員大多不想考…」「學員多數有…」), not who
    | {"大多", "大多數", "大部分", "多數", "少數", "很多", "部分", "有些", "幾乎", "通常", "普遍"}
    # what was said before (「剛剛那 9 小時的假設」), not who
    | {"剛剛那", "剛才那", "刚刚那", "刚才那", "剛剛的", "刚刚的", "之前那", "上次那", "前面那"}
    # interjections typed 「阿對」「阿不是」 (啊): no nickname
    | {
        "阿對",
        "阿对",
        "阿是",
        "阿就",
        "阿那",
        "阿好",
        "阿我",
        "阿你",
        "阿不",
        "阿沒",
        "阿没",
        "阿嗯",
        "阿這",
        "阿这",
        "阿哈",
    }
)
# the last character of a word that goes on the sentence, not of a name (「甲有」「小美說」)
VERB_ENDS = frozenset("有是說想要也都還只沒在做持考拿上不到就")  # (「學員達到…」: 達到 is what they do, no name)
MAX_PEOPLE = 20  # a team walked through in one conversation; older people are dropped first
# A name that opens what is said about someone, with no word introducing it: a nickname (「小美上過…」,
# 「阿傑沒上什麼課」) or a capitalised Latin name ("Sarah has…", 「Kevin有…」) right before a verb of
# holding or taking courses. 小時, 老師, 老闆… are words, not nicknames.
# (a remark in brackets may come between: 「小美（行銷）上過…」)
_SAYS = (
    r"(?=\s*(?:[（(][^）)]{0,10}[）)])?\s*"
    # (「小美是護理師，上過…」: who they are, then their facts)
    r"(有|上過|上了|考過|考了|考到|拿到|拿了|只有|也有|沒有|沒上|沒考|沒證照|沒拿|沒任何|的|呢|咧|勒|比"
    # (「阿芳什麼照都沒有」: nothing held, said with a word between)
    r"|(?:什麼|什么|甚麼|啥)[^，,。\s]{0,2}都"
    # (「行銷部的小琪超會用AI，素養課上了…」: what they are good at, then their facts)
    r"|(?:超|很|蠻|滿|挺)會用"
    r"|是(?=[^，,。？?]{1,8}[，,][^。？?]{0,30}(有|上過|考過|考到|拿到|沒有|沒上))"
    # (「阿哲的話，他有…」 with its 「的話」 set aside: the name, then a pronoun that holds)
    r"|[，,]\s*(?:他|她)(?:有|上過|上了|考過|考了|考到|拿到|只有|也有|沒有)"
    # (「兩位同仁。阿明：EEC…、生成式AI…」: a name, a colon, then what they hold)
    r"|\s*[：:](?=\s*[^\s：:])))"
)
# after a Latin word only verbs of holding: 「Notion的課」 "Hsinchu only" name no one
_SAYS_LATIN = (
    # ("Jenny on my team has…" "Raj from marketing holds…": where they work may come between)
    r"(?=(?:\s+(?:on|in|from|at)\s+(?:(?:my|our|the|his|her)\s+)?[a-z]+(?:\s+(?:team|group|department|dept|unit))?)?"
    r"\s*(有|上過|考過|考了|考到|拿到|只有|也有|沒有|沒上|沒證照|沒考|沒拿|沒任何|素養|持有|完全沒|都沒|還沒|从没|完全没"
    r"|啥|什麼都|什么都|甚麼都|一張都|一张都|目前|之前|去年|今年"
    r"|\b(has|holds|had|got|passed|earned|took|did|completed|finished|attended|spent)\b))"
)
SUBJECT_NAME = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[那跟和的組组班隊队])|(?<=還有|另外|以及|还有))(?P<nick>[小阿](?![時时闆板師师公婆孩朋弟妹哥姐姨伯叔嬸婶些點点候數数組组對对是就那這这我你不沒没嗯好])[\u4e00-\u9fff]"
    # (「老王有…」「老張素養 18 小時」: 老 and a surname)
    r"|老(?=[王張张李陳陈林黃黄吳吴劉刘蔡楊杨許许鄭郑謝谢郭洪曾周賴赖徐葉叶蘇苏莊庄呂吕江何羅罗高簡简朱鍾钟游彭詹胡施沈余趙赵盧卢梁顏颜柯孫孙魏翁戴范宋方])[\u4e00-\u9fff])"
    + _SAYS
    + r"|(?<![A-Za-z])(?P<latin>[A-Z][a-z]{2,})"
    + _SAYS_LATIN
    # 「面試兩位：A 有 X；B 有 Y」: a single capital letter labelling someone, opening a clause, then what
    # they hold (「表5 有…」 has a digit, "AI 有…" two letters)
    # (「…四個人。A：有 IBM …」: a colon may come between)
    + r"|(?:^|(?<=[：:；;，,。\s]))(?P<letter>[A-Z])"
    + r"(?=\s*[：:]?\s*(有|上過|上过|上了|考過|考过|考了|考到|拿到|只有|也有|沒有|没有|持有|沒證|没证)"
    # ("Two candidates. A holds X…. B has no certs…": the same in English — never 「I」)
    + r"|(?<=[A-HJ-Z])\s+(?:only\s+|also\s+|just\s+)?(?:has|holds|had|got|passed|took|did|completed|earned)\b)"
    # 「A 小姐做行銷，有 X；B 先生客服，上過…」: a letter and a title
    + r"|(?:^|(?<=[：:；;，,。\s]))(?P<letter_title>[A-Z])\s*"
    # (「B專員有 iPAS 中級」: any short role between)
    # (「A組每人都上了…」: a group, read as one below)
    + r"(?=(小姐|先生|同學|同仁|經理|主任|君|老師|組長|(?![組组班包隊队型類类級级套方])[\u4e00-\u9fff]{1,4}?)"
    + r"[^；;。]{0,12}?"
    + r"(有|上過|上了|考過|沒有|只有|持有))"
    # 「佩佩有「AI 工程級認證…」」: a doubled-character nickname opening a message or a clause, then what they
    # hold (not an adverb: 明明、剛剛、常常…)
    + r"|(?:^|(?<=[：:；;，,。\s]))(?P<dup>(?!明明|剛剛|常常|慢慢|好好|天天|偏偏|往往|漸漸|單單|僅僅|人人|個個|剛才)"
    + r"(?P<dup_char>[\u4e00-\u9fff])(?P=dup_char))"
    + r"(?=(有|上過|上了|考過|考了|只有|也有|沒有|持有))"
    # 「小陳(AI應用素養18hr、文書18hr)，阿明(只有一張 TQC+…)」: a name with their facts in brackets
    + r"|(?:^|(?<=[：:；;，,。\s]))"
    + r"(?P<paren>[小阿][\u4e00-\u9fff]|[A-Z][a-z]+|(?![我你他她這那有是的也都在另其])[\u4e00-\u9fff]{2,3}?)"
    + r"\s*(?=[（(][^）)]{0,80}(小時|hr|\d|張|證照|認證|沒有|只有))"
    # 「…；B：AI應用素養的課上了18小時…；C：…」: a single letter and a colon opening an item of a list of people
    # (「。C工程師：有 …」: a role right after the letter)
    + r"|(?:^|(?<=[；;。：:])|(?<=\.\s))\s*(?P<letter_colon>[A-Z])"
    + r"\s*(?:(?![組组班包隊队型類类級级套方])[\u4e00-\u9fff]{1,4})?\s*[：:]"
    + r"(?=\s*(?:[^\s\d]|\d+(?:\.\d+)?\s*(?:h\b|hrs?\b|hours?\b|小時)))"
    # 「候選人甲有 X，乙有 Y」: 甲乙丙丁 label people the same way
    # 「1號：…。2號：…」「A組每個人都上了…；B組上了…」: people or groups labelled by a number or a letter
    # (「學員1號：…」: a number after who they are)
    + r"|(?:(?<=[：:；;，,。、\s])|^|(?<=學員)|(?<=学员)|(?<=員工)|(?<=员工)|(?<=學生)|(?<=学生))"
    + r"(?P<numbered>\d{1,2}\s*[號号]|[一二三四五六七八九十]{1,2}[號号]|[A-Z]\s*組|[甲乙丙丁]\s*組"
    # 「員工1：…；員工2：…」「员工3：…」: a number after who they are
    + r"|(?:員工|员工|學員|学员|同仁|成員|成员|組員|组员)\s*\d{1,2}(?=\s*[：:]))"
    # (「2號15小時」: the hours right after the label)
    + r"(?=\s*[：:]|\s+[^\s，,。；;]{0,6}\d|\d|\s*(?:的人|每個人|每人|大家|全部|全員)?\s*(?:都|也)?\s*"
    + r"(有|上過|上了|考過|考了|考到|拿到|只有|也有|沒有|沒上|沒證照|沒|持有|是))"
    + r"|(?:(?<=[：:；;，,。\s人者])|^)(?P<gan>[甲乙丙丁戊己])"
    # (「學員甲之前自己上過 6 小時…，乙之前什麼都沒上」: when and how may come between)
    + r"(?=\s*是?\s*(?:之前|以前|先前|已經|目前|現在|自己|也|都|還)*\s*"
    + r"(有|上過|上了|考過|考了|考到|拿到|只有|也有|沒有|持有|什麼都沒|啥都沒|都沒"
    + r"|沒證|没证|沒上|没上|沒考|没考|完全沒))"
    # 「證書如下：小王 iPAS 初級…；小李 生成式AI…」: a nickname opening an item of a list, a space, then
    # what they hold
    + r"|(?:(?<=[：:；;。])|^)\s*(?P<nick_listed>(?:[小阿](?![時时闆板師师公婆孩朋弟妹哥姐姨伯叔嬸婶些點点候數数組组])"
    + r"|老(?=[王張张李陳陈林黃黄吳吴劉刘蔡楊杨許许鄭郑謝谢郭洪曾周]))"
    + r"[\u4e00-\u9fff])\s+(?=[^\s，,。；;：:])"
    # 「甲包：AI素養18小時…」「乙包是：…」「A方案：…」: a course package labelled like a person (its hours are its
    # facts; 「選哪個」 sets the packages side by side)
    + r"|(?:^|(?<=[，,。；;\s：:]))(?P<package>[甲乙丙丁A-Z]\s*(?:包|方案|套餐|班))\s*(?:是)?\s*[：:]"
    # 「第一個「辦公室達人」素養18h+…；第二個「全能應用」…」: a course package named in quotes, its hours after it
    + r"|(?:第[一二三四1-4]\s*(?:個|套|門|班)?\s*)「(?P<quoted>[^」]{2,12})」(?=\s*[：:]?\s*[^\s，,。；;]{0,8}\d)"
    # "Employee 2, Ben, has no certificates…" "And employee 3, Chen, just passed…": a name in apposition
    + r"|\b(?:[Ee]mployee|[Cc]olleague|[Cc]andidate|[Ss]taff member|[Tt]eam member|[Tt]rainee|[Pp]erson)"
    + r"\s*#?\d{0,2}\s*,\s*"
    + r"(?P<appos>[A-Z][a-z]{2,})\s*,"
    # 「…，美玲(業務) 素養12hr」: after a comma, a name whose role note was blanked (several spaces), then numbers
    + r"|(?<=[，,])\s*(?P<noted>(?![我你他她這那有是的也都在另其每一二兩三四五六七八九十總共合])[\u4e00-\u9fff]{2,3})"
    + r"\s{3,}(?=[^\s，,。；;]{0,6}\d)"
    # 「…；Ivy 素養18h、音源20h」「丙 素養18小時…」: a Latin name or a 甲乙 label opening an item, then numbers
    # ("…, Dev none, Emma 10h…": someone with nothing is listed too)
    + r"|(?:(?<=[：:；;，,。])|^)\s*(?P<spaced>[A-Z][a-z]{2,}|[甲乙丙丁戊己])\s+"
    + r"(?=[^\s，,。；;]{0,6}\d|none\b|nothing\b|no (?:hours|courses|certs?|certificates?)\b)"
    # "Raj - literacy 18, text tools 10. Mei - literacy 18…": a name and a dash opening an item, then their facts
    + r"|(?:^|(?<=[.:;：；。]\s)|(?<=[：；。]))\s*(?P<dashed>[A-Z][a-z]{2,}|[\u4e00-\u9fff]{2,3})\s*[-–—]\s+"
    + r"(?=[^,，.。;；]{0,24}\d|no\b|only\b|沒|只有|有)"
    # 「行銷專員那位上過素養 18 小時…；想當PM的那位有 X」: someone called by what they do or want, then 那位
    # (「班上的會計那位」: after 的 too)
    + r"|(?:^|(?<=[：:；;，,。\s的]))"
    + r"(?P<described>(?![我你他她這那这有是的也都在另其])[^\s，,。；;：:的]{2,8}?)(?:的)?那位"
    + r"(?=\s*(?:有|上過|上了|上过|考過|考过|考了|考到|拿到|只有|也有|沒有|没有|持有))"
    # 「三份履歷：第一個是資料分析師，有 X；第二個有 Y」「第三个啥证都没有」: people labelled by their order
    + r"|(?:^|(?<=[：:；;，,。\s]))(?P<ordinal>第[一二三四五六七八九十1-9]{1,2}\s*(?:個|个|位))"
    # (only with what they hold or took: 「第二個是在講什麼」「第二個有哪些工具」 point into a list, at no one)
    + r"(?=\s*(?:人|候選人|候选人|學員|学员|同事|應徵者|应征者)?\s*(?:的話|的话)?\s*"
    + r"(?:[：:]\s*(?=\S)|是[^，,。？?]{1,10}[，,]\s*(?:有|上過|上过|考過|考过|沒有|没有)"
    + r"|有(?!什麼|什么|哪|沒有|没有|幾|几|多少|啥|甚麼|列|提到|講|讲|說|说)|上過|上过|上了|考過|考过|拿到|只有|也有"
    + r"|沒證|没证|啥證|啥证|什麼都|什么都|持有|完全))"
    # 「Kevin：AI素養20小時…」「小美：…」: a name and a colon opening a list of their facts
    + r"|(?:^|(?<=[，,。；;\s的看查下]))(?P<colon>[A-Z][a-z]{2,}|[小阿][\u4e00-\u9fff]|[甲乙丙丁戊己])"
    # (「小美的話：有 X…」: 的話 may come before the colon)
    + r"\s*(?:的話|的话|這邊|这边)?\s*[：:]"
    # 「…盤點。王經理：上過…；李副理：有…」「…；佩佩：素養24、圖文9」: a two- or three-character name opening
    # one item of a list of people (checked by the caller: no word the advisor reads otherwise)
    # (「最後美玲：…」「再來志明：…」: a word of going on may come first)
    # (「…盤點：\n1. 志明：…\n2. 春嬌：…」: one numbered line each)
    # (「幫我評估四位：1. 美玲：…」: the first numbered item right after the colon that opens the list)
    # (「\n- 志明：…」「• 春嬌：…」: a bulleted line each)
    + r"|(?:^|(?<=[。；;？?！!\n])|(?<=[：:])(?=\s*\d{1,2}\s*[.、)）]))\s*(?:\d{1,2}\s*[.、)）]\s*|[-•*・]\s*)?"
    + r"(?:最後|再來|然後|還有|另外|接著|最后|再来|然后|还有|接着)?\s*"
    + r"(?P<listed_colon>[\u4e00-\u9fff]{2,3})\s*[：:]"
    + r"(?=\s*(有|上過|上了|考過|沒|無|只有|持有|上过|考过|没|无|[A-Za-z]|AI|ai|[^\s，,。；;：:]{1,6}\s?\d))"
    # 「…；志明有「AWS …」」「；建宏上過素養課 30 小時」: a name opening an item of a list, then what they hold
    # (「…三個人：張偉有 X；陳靜上了…」「…要評估。王磊有…；李娜沒證書」: after a colon or a full stop too,
    # in either script)
    # (not a verb of taking courses: 「小美：上過AI素養課…」 names 小美, not 上過)
    + r"|(?<=[；;：:。])\s*"
    # (「。兩人裡有幾位…」: a count of the people, no name)
    + r"(?P<listed_says>(?![我你他她這那这有是的也都在另其每上考沒没只拿想要先再還还就請请可能會会該该應应"
    + r"一二兩两三四五六七八九十幾几各])"
    + r"[\u4e00-\u9fff]{2,3}?)"
    # (「王小明（行銷專員）有…」: a role note blanked to spaces may come between)
    + r"(?=\s*(?:有|持有)|\s{2,}(?=\S)|有|上過|上了|上过|考過|考了|考过|考到|拿到|只有|也有|沒有|没有|沒證|没证"
    + r"|沒上|没上|沒考|没考|持有|什麼都|什么都|甚麼都|啥都|(?:什麼|什么|甚麼|啥)[^，,。；;\s]{1,2}都"
    # (「…三位：小芳，AI 素養課 18 小時…；阿哲，有 iPAS 初級」: a name, a comma, then their facts)
    + r"|\s*[，,](?=\s*(?:AI|ai|有|沒|没|只有|上過|上过|上了|[^，,。；;]{0,10}\d))"
    # (「；佩君素養上了10小時、圖文課25小時」: an hours area right after the name)
    + r"|(?:AI\s*)?(?:素養|文書|圖文|影像|音源|自動化|程式|模型|服務開發)[^，,。；;]{0,3}(?:上了|上過|\d))"
    # 「兩位同事：王大明 素養18小時…；林小華 素養16小時…」: a name, a space, then numbers (checked by the
    # caller: a word that reads as an hours area is no name)
    # (「再加兩位。小豪 素養20h…」: after a full stop too)
    + r"|(?<=[：:；;。])\s*(?P<listed>(?![我你他她這那有是的也都在另其每一二兩三四五六七八九十總共合目現])"
    + r"[\u4e00-\u9fff]{2,3})\s+"
    # (「；志明 什麼都還沒上」: someone with nothing is listed too; 「雅婷 AI 素養 30 小時」: words with spaces first)
    + r"(?=[^\s，,。；;]{0,6}\d|[^，,。；;：:]{0,10}\d|什麼都|啥都|都還沒|都沒|還沒|沒上|沒有)"
)
# 「那美玲呢？」「至於王小明的話」: the talk turns to someone by a bare name (two or three characters), which
# the caller accepts only once people are being talked about and the word is none the guideline uses
TURNED_TO = re.compile(
    r"^\W*(?:那|那麼|至於|換|換成|換到|再來|接著|然後|那么|至于|换|换成|换到|再来|接着|然后)?\s*(?:看)?\s*(?P<name>(?![如假若萬要照依按這那另])"
    + _NAME_ZH
    + r")\s*(?:呢|咧|勒|的話|的部分)"
)
# 「回到她」「再看回他」 "back to her": a pronoun the talk returns to, which is the person talked about before
# the current one (who needs no returning to)
BACK_TO_PRONOUN = re.compile(
    r"((回到|回來看|換回|再看回|再回到|回頭看|回来看|换回|回头看)\s*(她|他|那位|前一位)"
    r"|\b(back to|returning to|return to) (her|him)\b)",
    re.IGNORECASE,
)
# 「好，回到我自己」「那我自己呢」 "back to me": the user's own facts, kept under SELF while others were talked about
BACK_TO_SELF = re.compile(
    r"((回到|回來看|換回|再看回|再回到|回頭看|說回|講回|回來講|回来看|换回|回头看|说回|讲回|回来讲)\s*(我自己|我本人|我)(?!們|们)"
    r"|(那|至於|至于)\s*我自己|我自己(呢|的話|的话)"
    r"|\b(back to|returning to|return to) (me|myself|my own)\b|\b(and|now|what about) (for )?(me|myself)\b)",
    re.IGNORECASE,
)
# 「我每週上 2 小時…，幾週能追上？」 "If I take 2 hours a week…" once the user's own facts sit among others': the
# user speaking of themselves as the subject (not 「我們」「我的」「我同事」, who are someone else or everyone)
SELF_SUBJECT = re.compile(
    r"^\W*(?:那|那麼|那么|如果|要是|假如|假設|假设|所以|好|ok)?\s*[,，]?\s*我(?!們|们|的|同事|朋友|主管|部|下屬|下属|學員|学员|員工|员工"
    r"|公司|團隊|团队|組|组|班|家|老闆|老板|想問|想问|問|问|看|覺得|觉得)"
    r"|^\W*(?:and |so |ok,? |if |what if )?I(?:'m| am| will| would| can| could| take| study| do| get| add)\b",
    re.IGNORECASE,
)
# 「那她的程式語言應用還要多少」 "and her?": the other one talked about, as the subject, after the user's own result
THIRD_SUBJECT = re.compile(
    r"^\W*(?:那|那麼|那么|而|至於|至于|換|换)?\s*(?:她|他)(?!們|们)"
    r"|^\W*(?:and |what about |how about )?(?:she|he|her|him)\b",
    re.IGNORECASE,
)
# 「我姐上了…」「那我妹呢？她有…」: family members, each someone of their own (called by who they are)
FAMILY = frozenset(
    {"姐姐", "姊姊", "妹妹", "哥哥", "弟弟", "媽媽", "爸爸", "姐", "姊", "妹", "哥", "弟", "媽", "爸", "老公", "老婆"}
    | {"太太", "兒子", "女兒", "表姐", "表妹", "表哥", "表弟", "堂姐", "堂妹", "姐夫", "妹夫", "嫂嫂", "大嫂"}
    | {"女友", "男友", "女朋友", "男朋友", "另一半", "未婚妻", "未婚夫", "先生"}
)
# 「我同事只有 X 一張」「我朋友上過…」: someone unnamed, with facts of their own
UNNAMED_OTHER = re.compile(
    r"(?:我|我的|我們)(?P<who>同事|朋友|主管|部屬|下屬|學員|員工|同學|老闆|組員|學長|學姐|學弟|學妹|室友|合夥人|共同創辦人"
    rf"|{'|'.join(sorted(FAMILY, key=len, reverse=True))})"
    r"(?=\s*(?:只有|也有|有|上過|上了|考過|考到|拿到|拿過|沒有|沒上過|只上過|手上有|呢)"
    # (「我女友也剪片，她只有 X」: what they do, then a pronoun that holds)
    r"|[^。？?]{0,10}[，,]\s*(?:她|他)\s*(?:只有|也有|有|上過|上了|考過|考到|拿到|沒有))"
)
# 「第三個是我自己 lol：X + Y」 "the last one is me: …" among people described one by one: the user, whose
# facts follow (the words up to the colon are replaced by 「我有」 so the facts read as the user's)
SELF_INTRODUCED = re.compile(
    r"^\W*(?:(?:第\s*[一二三四五六七八九十\d]+\s*(?:個|位|人)|最後一?(?:個|位)|還有|另外|再來)\s*(?:是|就是)?\s*"
    r"(?:我自己|我本人|我)|我自己)\s*(?:lol|啦|喔|哈+|w+)?\s*[:：]\s*"
    r"|^\W*(?:the (?:last|third|second|fourth|next) one is|and then there's|last(?:ly)?,?) (?:me|myself)\b\W*",
    re.IGNORECASE,
)
# 「我自己是跑業務的，拿到 iPAS 中級…」 "As for me, I hold…" after others were described: the user, next
SELF_OPENS = re.compile(
    r"^\W*(?:至於|那|而|然後|再來|至于|然后|再来)?\s*(?:我自己|我本人)|^\W*(?:as for me|and me|me,? myself)\b", re.I
)
# 「Tina 先這樣。接著是 Leo，後端工程師…」「下一位是小芸」 "next is Omar": the one turned to next
NEXT_PERSON = re.compile(
    r"(?:接著|接下來|再來|然後|下一位|下一個|接着|接下来|再来|然后|下一个)\s*(?:是|講|看|讲)?\s*"
    r"(?P<name>[A-Z][a-z]{2,}|[小阿][\u4e00-\u9fff]|(?!學生|同事|員工|同學|老師|主管|朋友|學員|同仁|部屬|組員)"
    r"[\u4e00-\u9fff]{2,3}?)(?=[，,。\s：:（(]|有|上過|是)"
    r"|\bnext (?:is|up|one is|comes)\s+(?P<en>[A-Z][a-z]{2,})\b"
)
# 「那我呢？」「至於我的話」 "what about me?": the talk turns to the user
SELF_TURN = re.compile(
    # (「蛤那我呢」: an interjection may open it)
    r"^\W*(?:[蛤欸誒啊哦喔噢嗯咦吼齁哈]+\W*)?(?:那|那麼|那么|至於|至于|換|换)?\s*(?:我|我自己|我本人)\s*(?:呢|咧|勒|的話|的话|的部分)"
    r"|^\W*(?:and|what about|how about)\s+(?:me|myself)\b",
    re.IGNORECASE,
)
SELF = "本人"  # the key the user's own facts are kept under while another person's are the profile
# 「另一位呢」 "the other one": the other of exactly two people
OTHER_PERSON = re.compile(
    r"(另一位|另外一位|另一個人|另外那位|\bthe other (one|person|guy|colleague)\b"
    # 「那另一個呢？」 with nothing else said, while two people are talked about
    r"|^\W*(那|那麼|啊|欸)?\s*另(一|外一|外那)個\s*(呢|咧|勒|的話)?\W*$)"
)


# 「阿芳(行政) 素養課18hr」「Oscar(資料分析) 素養18h」「丙（數據）素養18小時」: a role noted in brackets right after a
# name, with no facts in it; blanked (same length, so positions hold) before names are looked for
ROLE_NOTE = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9])\s*[（(](?![^）)]*(?:小時|hr|\d|張|證照|認證|沒有|只有|有))[^）)]{1,10}[）)]"
)


def _without_role_notes(text: str) -> str:
    return ROLE_NOTE.sub(lambda m: " " * len(m.group(0)), text)


# 「先算我：素養課 18 小時…」「我的話：…」: the user labelling their own facts among others', not a name
SELF_LABEL = re.compile(
    r"(?:先算|先看|先講|先說|先说|先讲|再來是|再来是|然後是|然后是|最後是|最后是)?(?:我自己|我本人|我)(?:的話|的话)?"
)


def _as_self(name: str) -> str:
    return SELF if SELF_LABEL.fullmatch(name) else name


def introduced(
    text: str,
    known_words: frozenset[str] | set[str] = frozenset(),
    accept: Callable[[str], bool] = lambda name: True,
) -> str | None:
    """The name a message introduces or returns to, or None. `known_words` (lower case) are words the
    advisor knows otherwise (「Google 有哪些證照」: an issuer, not a person); a candidate `accept` refuses
    (「幫部門盤點」: 部門 is a word) gives way to the next one (「…先講小美：」)."""
    text = _without_role_notes(text)
    for m in INTRO.finditer(text):
        name = next((g for g in m.groups() if g), None)
        if name and len(name) == 3 and name[1] in "小阿":
            name = name[1:]  # 「幫部屬小芸看一下」: the nickname, not the last character of 部屬 before it
        latin = bool(name and re.fullmatch(r"[A-Za-z]{2,}", name))  # a label (A, B) is no word
        if name and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) and name[-1] in VERB_ENDS:
            continue  # 「候選人甲有 X」: 甲 holds X; 「甲有」 is no name
        if name and name not in NOT_NAMES and not (latin and name.lower() in known_words) and accept(name):
            return name  # "engineer Associate…" is a certificate's word, not a person
    for m in SUBJECT_NAME.finditer(text):
        name = _subject(m)
        if name and _as_self(name) != SELF and re.search(r"[我你他她們们]", name):
            continue  # 「蛤那我呢」: a pronoun inside is never a name (「先算我」 labels the user)
        if name and name not in NOT_NAMES and (len(name) == 1 or name.lower() not in known_words) and accept(name):
            return _as_self(name)
    return None


# 「A組的佩君上過素養課」: a name after 的 that something is said of (checked by the caller like TURNED_TO)
POSSESSED = re.compile(r"(?<=的)(?P<name>" + _NAME_ZH + r")(?=上過|上了|考過|考了|考到|拿到|只有|也有|沒有|有)")


def possessed(text: str) -> str | None:
    """The name after 的 that facts follow (「A組的佩君上過…」), unchecked: see POSSESSED."""
    m = POSSESSED.search(text)
    return m.group("name") if m and m.group("name") not in NOT_NAMES else None


def turned_to(text: str) -> str | None:
    """The bare name a message turns to (「那美玲呢？素養 20…」), unchecked: see TURNED_TO."""
    m = TURNED_TO.search(text)
    name = m.group("name") if m else None
    if name and re.search(r"[我你他她們们]", name):
        return None  # 「蛤那我呢」: an interjection before 「那我呢」, which turns to the user
    return name if name and name not in NOT_NAMES else None


def introductions(text: str, known_words: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, str]]:
    """Where each person named in a message begins what is said about them, in order (「兩位新人：Amy 有 X，
    Ben 有 Y。Amy 的素養算具備嗎」 → Amy, Ben, Amy): several people described in one message."""
    found = []
    text = _without_role_notes(text)
    for pattern in (INTRO, SUBJECT_NAME):
        for m in pattern.finditer(text):
            name = next((g for g in m.groups() if g), None) if pattern is INTRO else _subject(m)
            latin = bool(name and re.fullmatch(r"[A-Za-z]{2,}", name))  # a label (A, B) is no word
            if name and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) and name[-1] in VERB_ENDS:
                continue
            # ("Dev has no certs": a capitalised word that holds something is someone, whatever else it spells)
            holds = latin and re.match(
                r"\s+(?:only |also |just )?(?:has|holds|had|took|did|completed|earned|passed)\b", text[m.end() :]
            )
            if latin and name and name.lower() in EN_COUNT_WORDS:
                continue  # ("Two on my team.": a number, no one)
            if name and name not in NOT_NAMES and not (latin and name.lower() in known_words and not holds):
                found.append((m.start(), _as_self(name)))
    # 「AI工具課時數：我 文書18；阿強 文書10…」: the user as one item of a list of people
    found += [(m.start(next(g for g in ("me", "me2", "me3") if m.group(g))), SELF) for m in SELF_LISTED.finditer(text)]
    # 「我跟我老婆…。我：素養十小時…。她：素養二十小時…」: the other one labelled by a pronoun, named by who
    # they are to the user when the message says so
    if found:
        relation = RELATION.search(text)
        for m in PRONOUN_LABEL.finditer(text):
            found.append((m.start("p"), relation.group("who") if relation else m.group("p")))
    relation = RELATION.search(text)
    if relation and not found:
        # 「我跟我老婆都想轉職。我是工廠品管，有 X…。她是會計，有 Y…」: the user and the one named by who they are
        # to the user, each a sentence of their own
        mine = [m.start("me") for m in SELF_SENTENCE.finditer(text)]
        theirs = [m.start("p") for m in PRONOUN_SENTENCE.finditer(text)]
        if mine and theirs:
            found += [(at, SELF) for at in mine[:1]] + [(at, relation.group("who")) for at in theirs[:1]]
    # 「五個人：阿明有 X，小芳有 Y，志豪有 Z，佩君有 W」: three or more items of one list, each a two- or
    # three-character word then 「有」, name people even without a colon or a nickname
    items = [(m.start("name"), m.group("name")) for m in LIST_ITEM.finditer(text)]
    items = [(at, name) for at, name in items if name not in NOT_NAMES and name[-1] not in VERB_ENDS]
    # (「三個人喔，小陳有…，阿芳沒考證照…，志明有…」: with others already named in a list a count announced, two
    # such items name people too)
    announced = re.search(r"([兩两二三四五六七八九十\d])\s*(個人|个人|位|名|個同事|个同事|個學員|个学员)", text)
    together = {name for _, name in found} | {name for _, name in items}
    if len(items) >= 3 or items and announced and found and len(together) >= 3:
        found += items
    # a name met again later in the message (「…。Amy 的素養呢」) begins what is asked about them
    for name in {name for _, name in found}:
        found += [(m.start(), name) for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text)]
    found = sorted(set(found))
    return [(at, name) for i, (at, name) in enumerate(found) if i == 0 or found[i - 1][1] != name]


SELF_LISTED = re.compile(
    # (「。我：行政助理，有考過…。阿哲：…」: the user labelled like the others, after a full stop)
    r"(?<=[。!！?？\n])\s*(?P<me3>我)\s*[：:](?=\s*\S)|"
    r"(?<=[：:；;])\s*(?P<me>我)\s*(?=[：:]?\s*[^，,。；;\d我]{1,8}\d)"
    r"|(?<=[。.!！?？\n])\s*(?P<me2>我)\s*(?=[：:]\s*[^，,。；;\d我]{1,8}(?:\d|[一二兩三四五六七八九十]+\s*個?\s*小時))"
)
EN_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten both all each every some".split())
PRONOUN_LABEL = re.compile(r"(?:^|(?<=[。.!！?？\n；;]))\s*(?P<p>她|他)\s*[：:](?=\s*\S)")
# (「。我是工廠品管，有…」「。她是會計，有…」: a sentence about the user, or the other one, with what they hold)
_HOLDS = r"[^。！？?]{0,16}?(?:有|上過|上了|考過|考到|學了|只有|沒有)"
SELF_SENTENCE = re.compile(r"(?<=[。!！?？\n])\s*(?P<me>我)(?=是|有|上過|上了|考過|只有|沒有)" + rf"(?={_HOLDS})")
PRONOUN_SENTENCE = re.compile(r"(?<=[。!！?？\n])\s*(?P<p>她|他)(?=是|有|上過|上了|考過|只有|沒有)" + rf"(?={_HOLDS})")
RELATION = re.compile(
    r"(?:我|我的)(?:跟|和|與)?(?:我的?)?(?P<who>老婆|老公|太太|先生|女友|男友|女朋友|男朋友|妹妹|弟弟|哥哥|姊姊|姐姐|媽媽|爸爸|室友)"
)
LIST_ITEM = re.compile(
    r"(?:^|(?<=[，,、；;：:]))\s*(?P<name>(?![我你他她這那这有是的也都在另其])[\u4e00-\u9fff]{2,3}?)"
    r"(?=(有|上過|上过|考過|考过|只有|沒有|没有|沒證|没证|沒考|没考|沒上|没上))"
)
# verbs that make a sentence about a person English whatever names of certificates it holds
ENGLISH_VERBS = "has|have|holds|hold|had|got|passed|earned|took|takes|completed|is|was|also|only|did|does"


def as_pronoun(text: str, names: list[str]) -> str:
    """The message with the people's names read as 「他」/"he", so that 「阿傑有 X」 "Sarah has X" state
    facts the way 「他有 X」 "he has X" do."""
    # 「Kevin有 X」 reads 「他有 X」; "Lisa has the AWS … and the TQC+ GenAI Python one" stays English
    # even when certificate names in it are Chinese
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text)) and not reads_as_english(text)
    for form in sorted((f for n in names for f in forms(n)), key=len, reverse=True):
        if re.fullmatch(r"[A-Za-z]+(\s*#?\d{1,2})?", form):  # ("Candidate 2" is a Latin label too)
            if chinese:  # 「B：有 AIATCL…」「C工程師：有 …」 opens what is said of B: 「他有…」
                text = re.sub(
                    rf"(?<![A-Za-z]){re.escape(form)}\s*(?:[\u4e00-\u9fff]{{1,4}}\s*)?[:：]\s*(?=[\u4e00-\u9fff])",
                    form,
                    text,
                )
            else:  # ("Ben: only the TQC+ … certificate": what follows the colon is what Ben has)
                text = re.sub(
                    rf"(?<![A-Za-z]){re.escape(form)}\s*[:：]\s*(?=(?:only|just|the|an?|one)\s)",
                    f"{form} has ",
                    text,
                )
            # ("Jenny on my team has…": where they work, between the name and the verb, goes with the name)
            where = (
                r"(?:\s+(?:on|in|from|at)\s+(?:(?:my|our|the|his|her)\s+)?[a-z]+"
                r"(?:\s+(?:team|group|department|dept|unit))?(?=\s+(?:has|holds|had|got|passed|earned|took|completed|did)\b))?"
            )
            pattern = rf"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z]){where}('s)?(?=(\s+(?:{ENGLISH_VERBS})\b)?)"

            def pronoun(m: re.Match[str]) -> str:
                english = not chinese or bool(m.group(2))  # "Mia has the iPAS 中級…": an English sentence
                return ("his" if m.group(1) else "he") if english else "他"

            text = re.sub(pattern, pronoun, text)
        else:
            # 「小林：有 iPAS 中級」 opens what is said of him: 「他有 iPAS 中級」
            # (「阿凱（男）有 AI-901」: a note on who they are goes with the name)
            text = re.sub(rf"{re.escape(form)}{ROLE_NOTE.pattern}(?=\s*[:：]?\s*[有上考拿只也沒没])", form, text)
            text = re.sub(rf"{re.escape(form)}\s*[:：]\s*", "他", text).replace(form, "他")
    return text


# 「想比較志明跟春嬌」 "compare Kevin and Lisa": two people named at once, before anything is said of them
COMPARED = re.compile(
    r"(?:比較|比一比|對照|評估|看看)\s*(?P<a>[\u4e00-\u9fff]{2,3}?|[A-Z][a-z]+)\s*(?:跟|和|與|及|、|\band\b)\s*"
    r"(?P<b>[\u4e00-\u9fff]{2,3}?|[A-Z][a-z]+)(?=[。，,；;！!？?\s]|的|兩|$)"
    r"|\bcompare\s+(?P<c>[A-Z][a-z]+)\s+(?:and|with)\s+(?P<d>[A-Z][a-z]+)\b"
)


def compared(text: str) -> list[str]:
    """The two people a message sets side by side, or []."""
    m = COMPARED.search(text)
    names = [g for g in (m.groups() if m else ()) if g]
    return [n for n in names if n not in NOT_NAMES] if len(names) == 2 else []


# 「宗翰下個月離職先拿掉」「柏翰轉去別的社團了」「冠廷退出專題了」 "remove Tom", "Ken left": someone who no longer
# counts among the people talked about (the name is checked against those named)
_LEAVES = (
    # (「阿福那張證照先拿掉」「小美的影像課不算了」 take out a certificate or a course, not the person;
    # 「志明離開發人才還差多少」: 離 + 開發, no leaving)
    r"[^，,。；;？?！!證证張张課课時时]{0,8}?(?:離職|退出|轉去|轉到|轉走|調走|調去|離開(?!發)|退社|退選|退訓|不做了|走了|拿掉"
    r"|移除|刪掉|去掉|剔除|不用算|不算了|不列入|排除"
    # (the same in Simplified: 「Lucy 下个月离职」)
    r"|离职|转去|转到|转走|调走|调去|离开(?!发)|删掉|退选|退训)"
)
_REMOVES = r"(?:把|將|先把)\s*"
_LEAVES_EN = (
    r"\s+(?:left|quit|dropped out|has left|is leaving|is out|no longer counts|resigned|is resigning|is quitting"
    r"|is transferring|transferred|is moving|moved)\b"
)
# ("without Tom" and "minus Tom" suppose, for one question: they take no one out for good)
_REMOVES_EN = r"\b(?:remove|drop|take out|exclude)\s+"


def removed(text: str, known: list[str]) -> list[str]:
    """The known people the message takes out of the count, in the order named."""
    out = []
    for name in known:
        for form in forms(name):
            f = re.escape(form)
            latin = bool(re.fullmatch(r"[A-Za-z]+", form))
            patterns = (
                [rf"(?<![A-Za-z]){f}(?![A-Za-z]){_LEAVES_EN}", rf"{_REMOVES_EN}{f}(?![A-Za-z])", rf"{f}{_LEAVES}"]
                if latin
                else [rf"{f}{_LEAVES}", rf"{_REMOVES}{f}"]
            )
            at = [m.start() for pat in patterns for m in re.finditer(pat, text, re.IGNORECASE if latin else 0)]
            if at:
                out.append((min(at), name))
                break
    return [name for _, name in sorted(out)]


def removal_clauses(text: str, names: list[str]) -> str:
    """The message without the clauses that take people out (what is said of the others stays)."""
    clauses = re.split(r"(?<=[，,。；;！!])|(?<=\.\s)", text)
    kept = [c for c in clauses if not removed(c, names)]
    return "".join(kept)


def mentioned(text: str, known: list[str]) -> str | None:
    """A known person the message names: the one something is said of (「志明有…」) first, else the longest
    name (「怡君」 for 陳怡君)."""
    said = [
        (m.start(), name) for name in known for form in forms(name) for m in re.finditer(re.escape(form) + _SAYS, text)
    ]
    if said:
        return min(said)[1]
    spoken = [(form, name) for name in known for form in forms(name)]
    # 「小黃如果也想跟小林一樣有…」: the one compared with (跟…一樣) is not the one talked about, when another is named
    present = {name for form, name in spoken if form in text}
    alike = {name for form, name in spoken if re.search(rf"(跟|像|和|與|同){re.escape(form)}(一樣|那樣|相同)", text)}
    if len(present) >= 2 and alike and present - alike:
        spoken = [(form, name) for form, name in spoken if name not in alike]
    for form, name in sorted(spoken, key=lambda f: -len(f[0])):
        if re.fullmatch(r"[A-Za-z]+(\s*#?\d{1,2})?", form):  # ("for candidate 3": a label in any case)
            # (a one-letter label only in its own case: "4 hours a week" names no trainee A)
            flags = 0 if len(form) == 1 else re.IGNORECASE
            if re.search(rf"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z])", text, flags):
                return name
        elif form in text:
            return name
    return None


def _subject(m: re.Match[str]) -> str | None:
    names = (
        "nick",
        "latin",
        "letter",
        "letter_colon",
        "letter_title",
        "paren",
        "dup",
        "numbered",
        "gan",
        "nick_listed",
        "colon",
        "package",
        "quoted",
        "appos",
        "spaced",
        "noted",
        "dashed",
        "listed",
        "listed_colon",
        "listed_says",
        "ordinal",
        "described",
    )
    return next((m.group(g) for g in names if m.group(g)), None)


def forms(name: str) -> list[str]:
    """The ways a name is said: a three-character Chinese name also by its given name."""
    if re.fullmatch(r"[\u4e00-\u9fff]{3}", name):
        return [name, name[1:]]  # the surname and given name, or the given name alone
    return [name]
