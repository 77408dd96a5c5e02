package cn.liangxin.opinions.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Department.Key> {

	List<Department> findByOrgCodeOrderByCode(String orgCode);

}
