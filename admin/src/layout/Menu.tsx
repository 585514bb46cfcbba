import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Collapse, ListItemButton, ListItemText } from '@mui/material';
import { Fragment } from 'react';
import { DashboardMenuItem, Menu, MenuItemLink, usePermissions, useSidebarState, useStore, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import type { Permissions } from '../providers/authProvider';
import { MENU_GROUPS, resources, type MenuGroup } from '../resources';

/**
 * The menu in groups (Sales, Stock, Purchasing, Prices, CRM, Settings), each opened and
 * closed by its heading and remembered; the group of the page on screen is open. A group
 * with nothing the user may open is not shown.
 */
export const GroupedMenu = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [opened, setOpened] = useStore<Partial<Record<MenuGroup, boolean>>>('tradebook.menu', {});
  const [sidebarOpen] = useSidebarState();
  const { pathname } = useLocation();
  const visible = resources.filter((r) => permissions?.can(r.permissions.read));
  const current = visible.find((r) => pathname === `/${r.name}` || pathname.startsWith(`/${r.name}/`))?.menu;
  return (
    <Menu>
      <DashboardMenuItem />
      {MENU_GROUPS.map((group) => {
        const items = visible.filter((r) => r.menu === group);
        if (!items.length) return null;
        const open = opened[group] ?? group === current;
        const title = translate(`tradebook.menu.${group}`);
        return (
          <Fragment key={group}>
            <ListItemButton dense data-menu-group={group} aria-expanded={open} onClick={() => setOpened({ ...opened, [group]: !open })} sx={{ py: 0.25, color: 'text.secondary' }}>
              {sidebarOpen && <ListItemText primary={title} slotProps={{ primary: { variant: 'overline' } }} sx={{ my: 0 }} />}
              {open ? <ExpandLess fontSize="small" titleAccess={title} /> : <ExpandMore fontSize="small" titleAccess={title} />}
            </ListItemButton>
            <Collapse in={open} timeout="auto" unmountOnExit>
              {items.map((r) => (
                <MenuItemLink key={r.name} to={`/${r.name}`} primaryText={translate(`resources.${r.name}.name`, { smart_count: 2, _: r.name })} leftIcon={<r.icon />} sx={{ pl: sidebarOpen ? 3 : undefined }} />
              ))}
            </Collapse>
          </Fragment>
        );
      })}
    </Menu>
  );
};
