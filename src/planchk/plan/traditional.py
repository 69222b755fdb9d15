"""A plan printed in traditional characters (某縣…三年計畫, 到2026年…達到60處, 責任單位：縣社會處),
read by the same words as one printed in simplified characters, and kept as printed.

`fold` writes the traditional characters of the words planchk reads in a plan's text (the
comparators, verbs and units of its goals, the role words of its offices, its headings and
title) in their simplified form, one character for one: a position in the folded text is the
same position in the printed text, so that what is read is cut from the printed text
(`printed_at`), never from the folded one. A name is never folded: 縣社會處 stays 縣社會處.

Our own table rather than OpenCC: the words read are a closed vocabulary, the fold must keep
every position (OpenCC converts phrases, which may change lengths), and no dependency is added.
"""

from __future__ import annotations

import re

# traditional → simplified, one character each; only unambiguous pairs (畫 is 画 in general
# text: 計畫 is matched as 计画 where a plan's title is read)
_PAIRS = (
    "達达過过於于內内預预實实現现確确爭争穩稳標标務务點点設设計计劃划畫画長长積积總总單单"
    "萬万億亿個个處处項项條条間间輛辆張张場场噸吨臺台戶户畝亩區区縣县鄉乡鎮镇辦办責责牽牵"
    "頭头協协參参與与門门為为來来較较約约動动創创認认進进產产業业園园開开發发際际國国資资"
    "經经費费貼贴補补級级幣币價价會会衛卫環环護护療疗醫医學学農农電电網网線线車车銷销購购"
    "運运輸输關关聯联體体機机構构質质驗验規规綱纲見见準准則则數数額额說说備备註注屬属類类"
    "週周東东華华陽阳龍龙灣湾廣广豐丰雲云將将應应須须節节統统籌筹導导組组織织領领負负監监"
    "檢检維维營营興兴舉举擴扩續续職职專专稱称號号從从並并對对當当時时這这們们裡里讓让還还"
    "無无廢废汙污淨净綠绿態态復复蓋盖觀观邊边遠远適适選选優优勢势隊队陸陆險险倉仓儲储貨货"
    "戰战採采徵征鄰邻莊庄鐵铁橋桥燈灯減减増增層层傳传圖图書书寫写"
)
_FOLD = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])
_TRADITIONAL = re.compile("[" + _PAIRS[0::2] + "]")


def fold(text: str) -> str:
    """`text` with the traditional characters of the words read in simplified form, each in
    its place (most texts hold none: one search says so)."""
    return text.translate(_FOLD) if _TRADITIONAL.search(text) else text


def printed_at(folded: str, within: str, printed: str, start: int = 0) -> str:
    """`folded`, a piece of fold(`printed`) == `within`, as `printed` prints it: the same
    characters at the same place (from `start`); `folded` itself where it is not a piece."""
    if within is printed or folded.isascii():
        return folded
    at = within.find(folded, start)
    return printed[at : at + len(folded)] if at >= 0 else folded
