import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, useGetList, useTranslate } from 'react-admin';

interface Group {
  id: string;
  name: string;
  parentId?: string | null;
}

/** Groups as an indented tree; choosing one lists its products and those of every subgroup. */
export function orderAsTree(groups: Group[]): { group: Group; depth: number }[] {
  const children = new Map<string | null, Group[]>();
  for (const group of groups) {
    const key = group.parentId ?? null;
    children.set(key, [...(children.get(key) ?? []), group]);
  }
  const ordered: { group: Group; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const group of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push({ group, depth });
      visit(group.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export const GroupTreeFilter = () => {
  const translate = useTranslate();
  const { data = [] } = useGetList<Group>('ProductGroup', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 240, display: { xs: 'none', md: 'block' } }}>
      <CardContent>
        <FilterList label={translate('tradebook.groupTree')} icon={null}>
          {orderAsTree(data).map(({ group, depth }) => (
            <FilterListItem key={group.id} label={<span style={{ paddingLeft: depth * 12 }}>{group.name}</span>} value={{ groupId: group.id }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
};
