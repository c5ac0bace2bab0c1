package io.cityfin.common.region;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The regions of data-standard.md: the city (361000) and its county-level regions. */
public enum Region {
    CITY("361000", "抚州市", "Fuzhou City"),
    LINCHUAN("361002", "临川区", "Linchuan District"),
    DONGXIANG("361003", "东乡区", "Dongxiang District"),
    NANCHENG("361021", "南城县", "Nancheng County"),
    LICHUAN("361022", "黎川县", "Lichuan County"),
    NANFENG("361023", "南丰县", "Nanfeng County"),
    CHONGREN("361024", "崇仁县", "Chongren County"),
    LEAN("361025", "乐安县", "Le'an County"),
    YIHUANG("361026", "宜黄县", "Yihuang County"),
    JINXI("361027", "金溪县", "Jinxi County"),
    ZIXI("361028", "资溪县", "Zixi County"),
    GUANGCHANG("361030", "广昌县", "Guangchang County"),
    /** 高新区: an internal code, not in GB/T 2260. */
    HIGH_TECH_ZONE("361090", "高新区", "High-tech Zone");

    public static final String UNKNOWN_REGION = "UNKNOWN_REGION";

    private static final Map<String, Region> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));

    private final String code;
    private final String nameZh;
    private final String nameEn;

    Region(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public static Optional<Region> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The county-level regions a report line or a record may carry: every region but the city. */
    public static List<Region> counties() {
        return Arrays.stream(values()).filter(r -> !r.isCity()).toList();
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean isCity() {
        return this == CITY;
    }
}
