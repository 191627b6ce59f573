"""Traditional characters read as simplified, for matching.

Plans of the family are also published in traditional characters (牽頭單位,
9月底前完成, 縣區政府). The parser reads such a text through a small
one-to-one table of the characters that its rules and the usual unit names
use: labels, counters, deadline words and the common characters of
department names. Each character maps to one character, so positions (line
and column) stay the same.

The parsed plan holds the simplified text; the parse report says how many
characters were converted (:class:`heze_plan.parsing.findings.Convention`). The
table is deliberately small and unambiguous: a character whose simplified
form depends on the word (乾/干, 著/着) is not in it and stays as written.
"""

from __future__ import annotations

import re

__all__ = ["TRADITIONAL", "to_simplified"]

#: Traditional characters in the table, in the order of ``_SIMPLIFIED``.
TRADITIONAL = (
    "牽頭單責門負職領時間內務點節標題實計劃見關於發號舉項個萬億處場類屆達較過條協調會議員區縣國廳辦監營環"
    "設資產業稅財據統級廣電氣熱衛體與證報將當經濟創們為這進術數網絡醫療藥愛聯貿銀險價購買賣總規圍書專從傳"
    "輸運農鄉護權審應對組織黨紀檢長鎮強優讓開後並來給執習記導學質錄驗礎雲說話請讀視覺認識詳試論變齊漸溫壓"
    "歷燈車軍輕輔轉邊遠適選遺還郵鄰錢鐵陸陽際隊雜雙難靈頁順須預額風飛館馬驅鬥魯黃龍勞動勵參問啟團園圖塊壇"
    "奪奮婦孫寧寬寶尋層屬島幣幫庫廢徹態懷戰戶擁擔擴敗斷暫東極構樣橋機歡殘漢準溝減測濱災無爭狀獎獨獲現畝畫"
    "異盡盤眾矯禮穩積競築簡糧糾約紅納純紙線細終結絕維綜綠緊編緩績繼續罰義聽腦興藝蘇補裝複製觀訂討訓訪許診"
    "評誠該語誤諮講謀譜貢貨費貸賦賴賽贏趨跡蹤軌輪轄違遷釋鋪錯鍵閉閱闖陣陳隨隱雖離靜頻願顯飯飲儲備傷僅倉係"
    "倫剛劑勢厲嚴圓堅壞聲夠寫師帳帶幹廠張彙徑憑憲懲掃掛採揚換揮損搶攜擊擬擾攤晉暢曉樂樞樓樹檔歐歸漲滿灣獻"
    "畢確礙礦種稱穀筆範簽籌紛紹綱締緣練縮縱繪繳羅聞脫臨舊薦虛虧衝覽觸訊託訟訴詢豐貫踐躍載輛銷鏈階頒顧養餘"
    "鄭澤濰臺滬遼廟華莊貴陝蘭衆週佈裏吳"
    "鍋爐鞏噸迴羣覈潔凈"
)
_SIMPLIFIED = (
    "牵头单责门负职领时间内务点节标题实计划见关于发号举项个万亿处场类届达较过条协调会议员区县国厅办监营环"
    "设资产业税财据统级广电气热卫体与证报将当经济创们为这进术数网络医疗药爱联贸银险价购买卖总规围书专从传"
    "输运农乡护权审应对组织党纪检长镇强优让开后并来给执习记导学质录验础云说话请读视觉认识详试论变齐渐温压"
    "历灯车军轻辅转边远适选遗还邮邻钱铁陆阳际队杂双难灵页顺须预额风飞馆马驱斗鲁黄龙劳动励参问启团园图块坛"
    "夺奋妇孙宁宽宝寻层属岛币帮库废彻态怀战户拥担扩败断暂东极构样桥机欢残汉准沟减测滨灾无争状奖独获现亩画"
    "异尽盘众矫礼稳积竞筑简粮纠约红纳纯纸线细终结绝维综绿紧编缓绩继续罚义听脑兴艺苏补装复制观订讨训访许诊"
    "评诚该语误咨讲谋谱贡货费贷赋赖赛赢趋迹踪轨轮辖违迁释铺错键闭阅闯阵陈随隐虽离静频愿显饭饮储备伤仅仓系"
    "伦刚剂势厉严圆坚坏声够写师帐带干厂张汇径凭宪惩扫挂采扬换挥损抢携击拟扰摊晋畅晓乐枢楼树档欧归涨满湾献"
    "毕确碍矿种称谷笔范签筹纷绍纲缔缘练缩纵绘缴罗闻脱临旧荐虚亏冲览触讯托讼诉询丰贯践跃载辆销链阶颁顾养余"
    "郑泽潍台沪辽庙华庄贵陕兰众周布里吴"
    "锅炉巩吨回群核洁净"
)
_TABLE = str.maketrans(TRADITIONAL, _SIMPLIFIED)
_ANY_TRADITIONAL = re.compile(f"[{TRADITIONAL}]")


def to_simplified(text: str) -> tuple[str, int]:
    """The text with the table's traditional characters simplified, and how many there were.

    >>> to_simplified("（牽頭單位：市商務局；9月底前完成）")
    ('（牵头单位：市商务局；9月底前完成）', 4)
    >>> to_simplified("市商务局")
    ('市商务局', 0)
    """
    if _ANY_TRADITIONAL.search(text) is None:
        return text, 0
    return text.translate(_TABLE), len(_ANY_TRADITIONAL.findall(text))
