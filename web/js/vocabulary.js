/**
 * The project library's vocabularies, as the plan names them (values are stored in Chinese;
 * their labels are in i18n/*.js under programme.*, industry.* and status.*).
 */

/** 十大工程, a project's programme */
export const PROGRAMMES = ['政治引领', '科技创新', '转型升级', '改革开放', '城市更新', '乡村振兴', '生态文明', '民生改善', '安全稳定', '党的建设'];

/** 六新产业, a project's industry */
export const INDUSTRIES = ['新能源', '新装备', '新材料', '新农业', '新旅游', '新电商'];

export const STATUSES = ['planned', 'under_construction', 'completed'];
