package org.approvalrules.core.supervise;

import java.util.List;

/**
 * Window authorization (窗口授权). The data layout's {@code staff}, {@code delegations} and {@code schedules} files
 * are read by the authorization domain's own reader, which is being rebuilt (issue #12); until it is wired here this
 * stage reports the domain as not checked, saying which files it saw. Wire the new entry point by replacing
 * {@link #run}.
 */
final class AuthorizationStage implements SupervisionStage {

    @Override
    public String domain() {
        return "authorization";
    }

    @Override
    public void run(SupervisionRun run) {
        List<String> present = List.of("staff", "delegations", "schedules", "steps").stream()
                .filter(b -> SupervisionFiles.find(run.data, b).isPresent()).toList();
        if (present.isEmpty()) {
            run.notChecked(domain(), "无 staff/delegations/schedules 文件：未检查窗口授权",
                    "no staff/delegations/schedules files: window authorization was not checked");
        } else {
            run.notChecked(domain(), "已有 " + present + "，但本版本的监察任务尚未接入窗口授权读取（#12）：未检查",
                    "found " + present + ", but this version's supervision job does not read them yet (#12): not checked");
        }
    }
}
