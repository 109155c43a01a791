"""Word lists for realistic demo data of a Shenzhen-like sub-district."""

from __future__ import annotations

# The districts of Shenzhen by county-level division code, for addresses (a station's
# code begins with its district's).
DISTRICTS = {
    "440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区", "440307": "龙岗区",
    "440308": "盐田区", "440309": "龙华区", "440310": "坪山区", "440311": "光明区",
}  # fmt: skip
# Words for fictional road names (…路, …大道, …街).
ROAD_WORDS = (
    "和平", "建设", "兴业", "创业", "科技", "翠竹", "榕树", "丹桂", "紫荆", "东风", "迎宾", "富民",
    "永安", "长兴", "新华", "金鹏", "龙腾", "华裕", "宝岗", "吉祥", "平安", "恒丰", "瑞祥", "明珠",
)  # fmt: skip

BRAND = (
    "华信", "腾达", "联创", "嘉利", "宏图", "鑫源", "东方", "天成", "恒通", "博远", "金桥", "正和", "宝丰",
    "海纳", "中科", "锐思", "佳美", "安捷", "新锐", "卓越", "汇丰", "致远", "众合", "长青", "同创", "世纪",
    "星辰", "晨光", "启明", "凯达", "润泽", "瑞丰", "盛世", "伟业", "创维", "德胜", "丰泽", "富康", "广汇",
    "和信", "恒基", "弘毅", "华科", "华鹏", "汇通", "佳达", "建业", "金辉", "骏马", "凯旋", "力拓", "龙腾",
    "美辰", "明德", "南粤", "鹏程", "奇点", "蓝海", "睿智", "深蓝", "顺达", "泰和", "天翼", "拓普", "万象",
    "微光", "祥和", "信达", "兴业", "旭日", "雅居", "亿达", "永盛", "裕丰", "远航", "云帆", "泽众", "智联",
)  # fmt: skip

# industry code -> words used in enterprise names
ENTERPRISE_TRADES = {
    "internet": ("网络科技", "信息技术", "软件", "数据科技", "智能科技"),
    "manufacturing": ("电子", "精密制造", "塑胶制品", "五金", "光电", "机械设备", "新材料"),
    "property": ("物业管理", "物业服务"),
    "logistics": ("物流", "供应链", "快递服务", "货运代理"),
    "food_delivery": ("配送服务", "即时配送"),
    "finance": ("融资租赁", "商业保理", "投资咨询", "金融信息服务"),
    "retail": ("贸易", "商贸", "百货"),
    "catering": ("餐饮管理", "酒店管理", "食品"),
    "construction": ("建筑工程", "装饰工程", "建设"),
    "business_services": ("人力资源", "企业管理咨询", "广告", "会展服务"),
}
ENTERPRISE_INDUSTRY_WEIGHTS = {
    "internet": 14, "manufacturing": 30, "property": 6, "logistics": 10, "food_delivery": 3,
    "finance": 4, "retail": 14, "catering": 8, "construction": 5, "business_services": 6,
}  # fmt: skip
ENTERPRISE_SUBTYPE_WEIGHTS = {
    "llc": 78, "joint_stock": 5, "sole_proprietorship": 4, "partnership": 3,
    "foreign_invested": 4, "hmt_invested": 4, "individual": 2,
}  # fmt: skip

# social-organization subtype -> (industry, name pattern with {b} for the brand, {d} for the district)
SOCIAL_PATTERNS = {
    "private_school": ("education", ("深圳市{d}{b}实验学校", "深圳市{d}{b}幼儿园", "深圳{b}外国语学校")),
    "private_hospital": ("medical", ("深圳{b}医院", "深圳市{d}{b}门诊部", "深圳{b}口腔医院")),
    "law_firm": ("law", ("广东{b}律师事务所", "广东{b}{b2}律师事务所")),
    "accounting_firm": ("accounting", ("深圳{b}会计师事务所（普通合伙）", "深圳{b}会计师事务所有限公司")),
    "tax_firm": ("tax", ("深圳{b}税务师事务所有限公司",)),
    "trade_association": (
        "social_services",
        ("深圳市{d}{t}行业协会", "深圳市{b}{t}行业协会", "深圳市{d}{p}{b}商会"),
    ),
    "social_group": (
        "culture",
        ("深圳市{d}{b}志愿者协会", "深圳市{d}{b}文化促进会", "深圳市{d}{b}体育舞蹈协会"),
    ),
    "private_non_enterprise": ("social_services", ("深圳市{d}{b}社工服务中心", "深圳市{d}{b}养老服务中心")),
    "foundation": ("social_services", ("深圳市{b}公益基金会", "深圳市{b}慈善基金会")),
}
SOCIAL_SUBTYPE_WEIGHTS = {
    "private_school": 14, "private_hospital": 10, "law_firm": 9, "accounting_firm": 5, "tax_firm": 3,
    "trade_association": 12, "social_group": 17, "private_non_enterprise": 26, "foundation": 4,
}  # fmt: skip
ASSOCIATION_TRADES = ("电子商务", "物流", "服装", "家具", "餐饮", "物业管理", "建筑装饰", "电子信息", "模具")
HOMETOWNS = ("潮汕", "湖南", "江西", "广西", "四川", "湖北", "河南", "福建", "客家")

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞婷雪琳晨辉建国志宏海波斌宇浩凯健俊帆"
    "欣怡佳雨欢思梦颖婕琪璐瑶倩慧敬文博彬晓峰林鑫瑞阳子轩梓涵诗雅嘉豪家乐佩珊振华国庆春梅秋菊冬生永康"
)
ETHNICITIES = (
    ("汉族", 930),
    ("壮族", 20),
    ("回族", 8),
    ("满族", 8),
    ("土家族", 10),
    ("苗族", 8),
    ("瑶族", 6),
    ("畲族", 4),
    ("蒙古族", 3),
    ("朝鲜族", 3),
)
# County-level division codes members were born in (Shenzhen draws people from everywhere).
BIRTHPLACES = (
    "440307", "440303", "440304", "440305", "440306", "440106", "440513", "445102", "441402", "441302",
    "430102", "430521", "431003", "360102", "360722", "450102", "450881", "510104", "511602", "420102",
    "421202", "410102", "411302", "350102", "350583", "130102", "370102", "320102", "340102", "500101",
)  # fmt: skip
INSTRUCTOR_UNITS = (
    "街道党工委",
    "街道办事处",
    "街道党群服务中心",
    "市场监管所",
    "安监办",
    "综合执法队",
    "社区工作站",
)
INSTRUCTOR_POSITIONS = ("党建组织员", "专职党建指导员", "科员", "副主任", "网格员", "社区专职工作者")
LEADERS = ("区委副书记", "区委常委、组织部部长", "副区长", "区人大常委会副主任", "区政协副主席")
TOPICS = (
    "学习党的二十届四中全会精神",
    "重温入党誓词",
    "志愿服务进社区",
    "学习《中国共产党章程》",
    "安全生产主题教育",
    "观看警示教育片",
    "“1+6+X”主题党日",
)
