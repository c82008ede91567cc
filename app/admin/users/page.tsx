import { IDLE } from "@/lib/auth/action-state.ts";
import { listUsers } from "@/lib/auth/list-users.ts";
import { ROLES } from "@/lib/auth/permissions.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { ROLE_LABEL } from "@/lib/auth/role-label.ts";
import { formatDate } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";
import { AddUserForm } from "./add-user-form.tsx";
import { UserRowActions } from "./user-row-actions.tsx";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const admin = await requireUser("users:manage");
  const [locale, users] = await Promise.all([getLocale(), listUsers()]);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(ROLE_LABEL[role]) }));
  return (
    <>
      <h1>{t("usersTitle")}</h1>
      <table className="data" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t("colEmail")}</th>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colLastSeen")}</th>
            <th scope="col">{t("colRole")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email}>
              <td>
                <bdi>{user.email}</bdi>
              </td>
              <td>
                <bdi>{user.name}</bdi>
              </td>
              <td data-testid="user-status">{user.active ? t("statusActive") : t("statusDeactivated")}</td>
              <td className="meta">{user.lastSeenAt ? formatDate(locale, user.lastSeenAt) : t("never")}</td>
              <td>
                <UserRowActions
                  initial={IDLE}
                  userId={user.id}
                  email={user.email}
                  role={user.role}
                  active={user.active}
                  isSelf={user.id === admin.id}
                  roleOptions={roleOptions}
                  labels={{
                    role: t("roleLabel"),
                    saveRole: t("saveRole"),
                    deactivate: t("deactivate"),
                    reactivate: t("reactivate"),
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("addUserTitle")}</h2>
      <AddUserForm
        initial={IDLE}
        roleOptions={roleOptions}
        labels={{
          email: t("emailLabel"),
          name: t("nameLabel"),
          role: t("roleLabel"),
          submit: t("addUserButton"),
          oneTimeHint: t("oneTimeHint"),
        }}
      />
    </>
  );
}
