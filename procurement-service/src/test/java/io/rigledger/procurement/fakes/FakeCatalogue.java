package io.rigledger.procurement.fakes;

/** What the fake inventory-service's catalogue holds: rig models and makers' plants (held to inventory.yaml by FakeUpstreams). */
public final class FakeCatalogue {

    /** The model catalogue the fake inventory knows (the figures of docs/domain.md, Rig models), one page. */
    public static final String CATALOGUE = """
            {"items":[%s,%s,%s,%s,%s,%s]}""".formatted(
            model("antminer-s19", "Bitmain", "BITMAIN", "Antminer S19", "95", 3250, "34.2", true, true),
            model("antminer-s21", "Bitmain", "BITMAIN", "Antminer S21", "200", 3500, "17.5", true, false),
            model("antminer-s21-pro", "Bitmain", "BITMAIN", "Antminer S21 Pro", "234", 3531, "15.1", true, false),
            model("antminer-s21-xp", "Bitmain", "BITMAIN", "Antminer S21 XP", "270", 3645, "13.5", true, false),
            model("avalon-a1466", "Canaan", "CANAAN", "Avalon A1466", "150", 3230, "21.5", true, false),
            model("whatsminer-m60s", "MicroBT", "MICROBT", "Whatsminer M60S", "186", 3441, "18.5", false, false));

    /** The makers' plants the fake inventory knows; BITMAIN-OLD is retired. */
    public static final String PLANT_LIST = """
            {"items":[
             {"code":"BITMAIN-CN","manufacturer":"BITMAIN","country":"CN","city":"Shenzhen","confirmed":true,"retired":false},
             {"code":"BITMAIN-ID","manufacturer":"BITMAIN","country":"ID","confirmed":true,"retired":false},
             {"code":"BITMAIN-MY","manufacturer":"BITMAIN","country":"MY","city":"Penang","confirmed":true,"retired":false},
             {"code":"BITMAIN-OLD","manufacturer":"BITMAIN","country":"CN","confirmed":true,"retired":true},
             {"code":"BITMAIN-TH","manufacturer":"BITMAIN","country":"TH","confirmed":false,"retired":false},
             {"code":"BITMAIN-US","manufacturer":"BITMAIN","country":"US","city":"Houston","confirmed":true,"retired":false},
             {"code":"CANAAN-MY","manufacturer":"CANAAN","country":"MY","confirmed":true,"retired":false},
             {"code":"MICROBT-CN","manufacturer":"MICROBT","country":"CN","confirmed":true,"retired":false}]}""";

    private FakeCatalogue() {
    }

    private static String model(String code, String maker, String manufacturer, String name, String hashrate, int watts,
                                String jth, boolean confirmed, boolean retired) {
        return """
                {"code":"%s","maker":"%s","manufacturer":"%s","name":"%s","hashrateThs":%s,"powerWatts":%d,"efficiencyJth":%s,\
                "htsCode":"8543.70.9860","specsConfirmed":%s,"retired":%s}"""
                .formatted(code, maker, manufacturer, name, hashrate, watts, jth, confirmed, retired);
    }
}
