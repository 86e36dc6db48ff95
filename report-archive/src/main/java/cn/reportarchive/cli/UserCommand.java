package cn.reportarchive.cli;

import cn.reportarchive.auth.Account;
import cn.reportarchive.auth.AccountException;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuthStore;
import cn.reportarchive.auth.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Accounts: {@code user add NAME --role admin|inspector|viewer [--units U1,U2]}, {@code user list},
 * {@code user passwd NAME}, {@code user remove NAME}. These open only the accounts and the audit
 * log, so they work while serve runs (a change shows at the next request: a removed account or a
 * new password ends its sessions). Each change is written to the audit log, by the system user.
 */
@Command(name = "user", description = "管理账户：add 新增、list 列出、passwd 改密码、remove 删除",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class,
                UserCommand.Remove.class, UserCommand.Policy.class})
final class UserCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "请指定 add、list、passwd 或 remove。");
    }

    /** Who made a change from the command line, as the audit log's address column says it. */
    static String cliAddress() {
        return cn.reportarchive.auth.AuditLog.commandLineAddress();
    }

    interface PasswordUse<T> {
        T apply(char[] password) throws Exception;
    }

    /** Reads a password, hands it over, and wipes it; a refusal of the accounts becomes the user's error. */
    static <T> T withPassword(String prompt, PasswordUse<T> use) throws Exception {
        char[] password = PasswordInput.read(prompt, System.in);
        try {
            return use.apply(password);
        } catch (AccountException e) {
            throw new UserError(e.getMessage(), e.badInput() ? Cli.USAGE : Cli.INPUT_FAILED);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The account a subcommand is about: add, passwd, remove. */
    static final class AccountName {
        @Parameters(index = "0", paramLabel = "NAME", description = "用户名")
        String name;

        UserError unknown() {
            return new UserError("没有名为“" + name + "”的账户。", Cli.INPUT_FAILED);
        }
    }

    @Command(name = "add", description = "新增账户；密码从终端输入（不回显），或在标准输入不是终端时读其第一行")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        AccountName who;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin（管理员）、inspector（检查人员）或 viewer（查阅人员）")
        String role;

        @Option(names = "--units", split = ",|，", paramLabel = "U1,U2", description = "viewer 可查阅的单位，逗号分隔")
        List<String> units = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Role r = Role.fromKey(role).orElseThrow(() -> new UserError(Role.unknown(role), Cli.USAGE));
            try (AuthStore store = common.openAuth()) {
                Account account = withPassword("请输入“" + who.name + "”的密码：",
                        password -> store.accounts().add(who.name, r, units, password));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("role", account.role().key());
                if (!account.units().isEmpty()) {
                    detail.put("units", account.units());
                }
                store.audit().append(null, cliAddress(), AuditAction.USER_ADD, account.name(), detail);
                System.err.println("已新增账户 " + account.name() + "（" + account.role().label()
                        + (account.units().isEmpty() ? "" : "，可查阅：" + String.join("、", account.units())) + "）。");
                return Cli.OK;
            }
        }
    }

    @Command(name = "list", description = "列出账户")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--json", description = "输出 JSON 数组")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (AuthStore store = common.openAuth()) {
                List<Account> accounts = store.accounts().list();
                store.audit().recordCommandLine(AuditAction.USER_LIST, null, Map.of("accounts", accounts.size()));
                if (json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (Account a : accounts) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", a.name());
                        m.put("role", a.role().key());
                        m.put("units", a.units());
                        m.put("created", a.created().toString());
                        out.add(m);
                    }
                    System.out.println(Json.pretty(out));
                    return Cli.OK;
                }
                for (Account a : accounts) {
                    System.out.printf("%s  %s  %s  %s%n", a.name(), a.role().key(),
                            a.units().isEmpty() ? "全部单位" : String.join(",", a.units()), a.created());
                }
                System.err.println(accounts.isEmpty() ? "还没有任何账户：serve 仅对本机开放，无需登录。"
                        : "共 " + accounts.size() + " 个账户。");
                return Cli.OK;
            }
        }
    }

    @Command(name = "passwd", description = "修改账户密码；该账户已登录的会话随之失效")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        AccountName who;

        @Override
        public Integer call() throws Exception {
            try (AuthStore store = common.openAuth()) {
                if (store.accounts().find(who.name).isEmpty()) {
                    throw who.unknown();
                }
                withPassword("请输入“" + who.name + "”的新密码：", password -> {
                    store.accounts().setPassword(who.name, password);
                    return null;
                });
                store.audit().append(null, cliAddress(), AuditAction.USER_PASSWORD, who.name.strip(), Map.of());
                System.err.println("已修改 " + who.name.strip() + " 的密码。");
                return Cli.OK;
            }
        }
    }

    @Command(name = "remove", description = "删除账户；该账户已登录的会话随之失效")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        AccountName who;

        @Override
        public Integer call() throws Exception {
            try (AuthStore store = common.openAuth()) {
                if (!store.accounts().remove(who.name)) {
                    throw who.unknown();
                }
                store.audit().append(null, cliAddress(), AuditAction.USER_REMOVE, who.name.strip(), Map.of());
                System.err.println("已删除账户 " + who.name.strip() + "。");
                List<Account> left = store.accounts().list();
                if (left.isEmpty()) {
                    System.err.println("注意：已没有任何账户，serve 将仅对本机开放、无需登录。");
                } else if (left.stream().noneMatch(a -> a.role() == Role.ADMIN)) {
                    System.err.println("注意：已没有管理员账户，网页上将无人能查看审计日志或删除材料。");
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "policy", description = "查看或设置密码规则：最短长度、须含字符种类、有效期（天，0 为不过期）")
    static final class Policy implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--min-length", paramLabel = "N", description = "最短长度（不少于 8）")
        Integer minLength;

        @Option(names = "--min-classes", paramLabel = "N", description = "须含字母、数字、符号中几种（2 或 3）")
        Integer minClasses;

        @Option(names = "--max-age-days", paramLabel = "DAYS", description = "密码有效期（天），0 为不过期")
        Integer maxAgeDays;

        @Override
        public Integer call() throws Exception {
            try (AuthStore store = common.openAuth()) {
                cn.reportarchive.auth.PasswordPolicy now = store.accounts().policy();
                if (minLength != null || minClasses != null || maxAgeDays != null) {
                    cn.reportarchive.auth.PasswordPolicy next;
                    try {
                        next = new cn.reportarchive.auth.PasswordPolicy(minLength == null ? now.minLength() : minLength,
                                minClasses == null ? now.minClasses() : minClasses, maxAgeDays == null ? now.maxAgeDays() : maxAgeDays);
                    } catch (AccountException e) {
                        throw new UserError(e.getMessage(), Cli.USAGE);
                    }
                    store.audit().recordCommandLine(AuditAction.PASSWORD_POLICY, null, Map.of(
                            "minLength", next.minLength(), "minClasses", next.minClasses(), "maxAgeDays", next.maxAgeDays()));
                    store.accounts().setPolicy(next);
                    now = next;
                }
                System.out.println("密码规则：" + now.describe() + "。");
                return Cli.OK;
            }
        }
    }
}
